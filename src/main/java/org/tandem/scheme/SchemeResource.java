package org.tandem.scheme;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.audit.Actor;
import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Program;
import org.tandem.scoring.SchemeValidator;
import org.tandem.scoring.Violation;
import org.tandem.security.Roles;
import org.tandem.web.Filter;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/scoring-schemes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring schemes")
@Authenticated
public class SchemeResource {

    private static final Map<String, String> SORTABLE = Map.of("id", "s.id", "year", "s.year", "number",
            "s.number");

    @Inject
    SchemeRulesCodec codec;
    @Inject
    Actor actor;

    @GET
    @Operation(summary = "List scoring schemes", description = "Filters: program, year, status. Sort by id (default), year or number.")
    public PageOf<SchemeView> listSchemes(@QueryParam("program") String program, @QueryParam("year") Integer year,
            @QueryParam("status") SchemeStatus status, @Valid @BeanParam PageRequest paging) {
        Filter filter = new Filter();
        filter.and("s.program.code = :program", "program", program);
        filter.and("s.year = :year", "year", year);
        filter.and("s.status = :status", "status", status);
        List<SchemeView> items = Scheme.<Scheme> find("from Scheme s join fetch s.program" + filter.where(),
                paging.toSort(SORTABLE, "id", "s.id"), filter.params()).page(paging.toPage()).list().stream()
                .map(this::view).toList();
        return new PageOf<>(items, paging.page, paging.size, Scheme.count("from Scheme s" + filter.where(), filter.params()));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Transactional
    @Operation(summary = "Create a draft scoring scheme, the next version of its program-year", description = "The rules are checked as a whole (weights sum to 100, points within a track sum to its weight,"
            + " every indicator known, bands without gaps); errors name the offending part.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SchemeView.class)))
    public RestResponse<SchemeView> createScheme(@Valid @NotNull SchemeInput body) {
        Program program = Program.findByCode(body.program());
        if (program == null) {
            throw ProblemException.invalid("program", "no program with code " + body.program());
        }
        if (!program.covers(body.year())) {
            throw ProblemException.invalid("year",
                    "must be within the program's years " + program.startYear + "–" + program.endYear);
        }
        Scheme scheme = new Scheme();
        scheme.program = program;
        scheme.year = body.year();
        Integer last = Scheme.getEntityManager().createQuery(
                "select max(s.number) from Scheme s where s.program = :program and s.year = :year", Integer.class)
                .setParameter("program", program).setParameter("year", body.year()).getSingleResult();
        scheme.number = last == null ? 1 : last + 1;
        scheme.status = SchemeStatus.DRAFT;
        apply(scheme, body);
        scheme.persistAndFlush();
        return Versions.created(URI.create("/api/v1/scoring-schemes/" + scheme.id), view(scheme));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a scoring scheme")
    public RestResponse<SchemeView> getScheme(@PathParam("id") long id) {
        Scheme scheme = require(id);
        return Versions.ok(view(scheme));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Replace a draft scheme", description = "409 scheme-published once it is published.")
    public RestResponse<SchemeView> updateScheme(@PathParam("id") long id, @Valid @NotNull SchemeInput body,
            @Context Request request) {
        Scheme scheme = require(id);
        Versions.checkIfMatch(request, () -> view(scheme));
        scheme.checkEditable();
        if (!scheme.program.code.equals(body.program()) || scheme.year != body.year()) {
            throw ProblemException.conflict("scheme-program-year-immutable",
                    "a scheme stays with its program and year; create a new one instead");
        }
        apply(scheme, body);
        scheme.persistAndFlush();
        return Versions.ok(view(scheme));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/{id}/publish")
    @Transactional
    @Operation(summary = "Publish a draft scheme", description = "A published scheme is immutable; assessment runs use the latest published version of their program-year.")
    public RestResponse<SchemeView> publishScheme(@PathParam("id") long id, @Context Request request) {
        Scheme scheme = require(id);
        Versions.checkIfMatch(request, () -> view(scheme));
        scheme.checkEditable();
        // The catalogue may have changed since the draft was saved: publish only what still holds.
        validate(codec.read(scheme), Catalogue.load());
        scheme.status = SchemeStatus.PUBLISHED;
        scheme.publishedAt = OffsetDateTime.now();
        scheme.publishedBy = actor.name();
        scheme.persistAndFlush();
        return Versions.ok(view(scheme));
    }

    private void apply(Scheme scheme, SchemeInput body) {
        Catalogue catalogue = Catalogue.load();
        SchemeRules rules = body.rules().completed(catalogue.directionOf());
        validate(rules, catalogue);
        scheme.name = body.name();
        scheme.description = body.description();
        scheme.example = Boolean.TRUE.equals(body.example());
        scheme.rules = codec.write(rules);
    }

    private static void validate(SchemeRules rules, Catalogue catalogue) {
        List<Violation> violations = SchemeValidator.validate(rules.toEngine(catalogue.trackOf()),
                catalogue.trackCodes(), catalogue.trackOf());
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream()
                    .map(v -> new Problem.FieldError("rules." + v.path(), v.message())).toList();
            throw new ProblemException(400, "invalid-scheme", "Invalid scoring scheme",
                    violations.size() == 1 ? "rules." + violations.get(0).path() + ": " + violations.get(0).message()
                            : violations.size() + " rules of the scheme are invalid",
                    errors);
        }
    }

    private SchemeView view(Scheme s) {
        return new SchemeView(s.id, s.program.code, s.year, s.number, s.status, s.name, s.description, s.example,
                codec.read(s), s.publishedAt, s.publishedBy);
    }

    static Scheme require(long id) {
        Scheme scheme = Scheme.find("from Scheme s join fetch s.program where s.id = ?1", id).firstResult();
        if (scheme == null) {
            throw ProblemException.notFound("scoring scheme", id);
        }
        return scheme;
    }
}
