package org.tandem.cooperation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.Money;
import org.tandem.assessment.YearLock;
import org.tandem.cache.ReadCache;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.security.Access;
import org.tandem.security.Roles;
import org.tandem.web.Filter;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
@Authenticated
public class ProjectResource {

    @Inject
    Access access;
    @Inject
    ReadCache reads;

    static final Map<String, String> SORTABLE = Map.of("id", "p.id", "plannedOn", "p.plannedOn", "title",
            "p.title", "status", "p.status", "investment", "p.investment");
    static final String FETCH = "from CooperationProject p join fetch p.pairing pa join fetch pa.program"
            + " join fetch pa.industrialCounty join fetch pa.mountainCounty join fetch p.track join fetch p.hostCounty";

    @NonBlocking
    @GET
    @Operation(summary = "List cooperation projects across pairings", description = "Filters: program code, track code, status, county (either side of the pair), hostCounty,"
            + " and year (a step of the project - planned, signed, construction, production or cancellation -"
            + " fell in that year). Sort by id, plannedOn, title, status or investment.")
    public Uni<PageOf<ProjectView>> listProjects(@QueryParam("program") String program,
            @QueryParam("track") String track, @QueryParam("status") ProjectStatus status,
            @QueryParam("county") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") @Parameter(description = "A county on either side of the pair") String county,
            @QueryParam("hostCounty") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String hostCounty,
            @QueryParam("year") @Min(1900) @Max(2200) Integer year, @Valid @BeanParam PageRequest paging) {
        return reads.async(() -> {
            Filter filter = new Filter();
            filter.and("p.pairing.program.code = :program", "program", program);
            filter.and("p.track.code = :track", "track", track);
            filter.and("p.status = :status", "status", status);
            filter.and("(p.pairing.industrialCounty.code = :county or p.pairing.mountainCounty.code = :county)", "county",
                    county);
            filter.and("p.hostCounty.code = :hostCounty", "hostCounty", hostCounty);
            if (year != null) {
                filter.and("(p.plannedOn between :from and :to or p.signedOn between :from and :to"
                        + " or p.constructionStartedOn between :from and :to"
                        + " or p.productionStartedOn between :from and :to or p.cancelledOn between :from and :to)");
                filter.param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31));
            }
            return page(filter, paging);
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a cooperation project")
    public RestResponse<ProjectView> getProject(@PathParam("id") long id) {
        CooperationProject project = require(id);
        return Versions.ok(ProjectView.of(project));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Replace a project's details", description = "The status and step dates change only through transitions.")
    public RestResponse<ProjectView> updateProject(@PathParam("id") long id, @Valid @NotNull ProjectInput body,
            @Context Request request) {
        CooperationProject project = require(id);
        access.checkPairing(project.pairing);
        Versions.checkIfMatch(request, () -> ProjectView.of(project));
        apply(project, body);
        project.persistAndFlush();
        return Versions.ok(ProjectView.of(project));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Delete a cooperation project")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteProject(@PathParam("id") long id, @Context Request request) {
        CooperationProject project = require(id);
        access.checkPairing(project.pairing);
        Versions.checkIfMatch(request, () -> ProjectView.of(project));
        YearLock.check(project.pairing.id, project.stepYears());
        project.delete();
        CooperationProject.flush();
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @POST
    @Path("/{id}/transitions")
    @Transactional
    @Operation(summary = "Move a project forward in its lifecycle, or cancel it", description = "Only forward moves and CANCELLED from a state that is not final;"
            + " anything else is 409 illegal-transition. The date must not precede the previous step."
            + " Steps may be skipped: a skipped step is taken on the same date (PLANNED to IN_PRODUCTION on a day"
            + " also sets signedOn and constructionStartedOn to that day).")
    public RestResponse<ProjectView> transitionProject(@PathParam("id") long id, @Valid @NotNull Transition body,
            @Context Request request) {
        CooperationProject project = require(id);
        access.checkPairing(project.pairing);
        Versions.checkIfMatch(request, () -> ProjectView.of(project));
        // Earlier years' figures do not change with a later step, so only the step's own year must be open.
        YearLock.check(project.pairing.id, List.of(body.on().getYear()));
        project.moveTo(body.to(), body.on());
        project.persistAndFlush();
        return Versions.ok(ProjectView.of(project));
    }

    static void apply(CooperationProject project, ProjectInput body) {
        if (project.id != null) {
            YearLock.check(project.pairing.id, project.stepYears());
        }
        Pairing pairing = project.pairing;
        project.track = PairingScope.track(body.track());
        project.hostCounty = PairingScope.hostCounty(pairing, body.hostCounty());
        project.title = body.title();
        project.leadEnterprise = body.leadEnterprise();
        project.investment = Money.of(body.investment());
        project.expectedAnnualOutput = Money.of(body.expectedAnnualOutput());
        project.expectedAnnualTax = Money.of(body.expectedAnnualTax());
        project.description = body.description();
        project.planOn(body.plannedOn());
        YearLock.check(project.pairing.id, project.stepYears());
    }

    /**
     * One page in three statements: the page's ids, filtered and sorted with only the joins the filters need;
     * those projects with their pairing, counties and track; and the count. Fetching the six relations for
     * every matching row before the sort and limit made a filtered list over 2,000 pairings cost ~140 ms.
     */
    static PageOf<ProjectView> page(Filter where, PageRequest paging) {
        String filter = where.where();
        Map<String, Object> params = where.params();
        String orderBy = paging.toSort(SORTABLE, "id", "p.id").getColumns().stream()
                .map(c -> c.getName() + (c.getDirection() == Sort.Direction.Descending ? " desc" : ""))
                .collect(Collectors.joining(", ", " order by ", ""));
        var idQuery = CooperationProject.getEntityManager()
                .createQuery("select p.id from CooperationProject p" + filter + orderBy, Long.class)
                .setFirstResult(paging.page * paging.size).setMaxResults(paging.size);
        params.forEach(idQuery::setParameter);
        List<Long> ids = idQuery.getResultList();
        Map<Long, CooperationProject> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            CooperationProject.<CooperationProject> list(FETCH + " where p.id in ?1", ids)
                    .forEach(project -> byId.put(project.id, project));
        }
        List<ProjectView> items = ids.stream().map(id -> ProjectView.of(byId.get(id))).toList();
        return new PageOf<>(items, paging.page, paging.size,
                CooperationProject.count("from CooperationProject p" + filter, params));
    }

    static CooperationProject require(long id) {
        CooperationProject project = CooperationProject.find(FETCH + " where p.id = ?1", id).firstResult();
        if (project == null) {
            throw ProblemException.notFound("project", id);
        }
        return project;
    }
}
