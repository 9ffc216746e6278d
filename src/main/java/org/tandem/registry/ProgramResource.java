package org.tandem.registry;

import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.Money;
import org.tandem.problem.ProblemException;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programs")
@Authenticated
public class ProgramResource {

    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name", "startYear",
            "startYear");

    @GET
    @Operation(summary = "List programs", description = "Sort by code, name or startYear.")
    public PageOf<ProgramView> listPrograms(@Valid @BeanParam PageRequest paging) {
        var query = Program.<Program> findAll(paging.toSort(SORTABLE, "code", "id")).page(paging.toPage());
        return new PageOf<>(query.list().stream().map(ProgramView::of).toList(), paging.page, paging.size,
                query.count());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a program")
    public RestResponse<ProgramView> getProgram(@PathParam("code") String code) {
        Program program = require(code);
        return Versions.ok(ProgramView.of(program));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Transactional
    @Operation(summary = "Create a program")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    public RestResponse<ProgramView> createProgram(@Valid @NotNull ProgramInput body) {
        if (body.code() == null) {
            throw ProblemException.invalid("code", "must not be null");
        }
        checkYears(body);
        if (Program.findByCode(body.code()) != null) {
            throw ProblemException.conflict("duplicate-code", "a program with code " + body.code() + " already exists");
        }
        Program program = new Program();
        program.code = body.code();
        apply(program, body);
        program.persistAndFlush();
        return Versions.created(URI.create("/api/v1/programs/" + program.code), ProgramView.of(program));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{code}")
    @Transactional
    @Operation(summary = "Replace a program's name, years and budget")
    public RestResponse<ProgramView> updateProgram(@PathParam("code") String code, @Valid @NotNull ProgramInput body,
            @Context Request request) {
        Program program = require(code);
        Versions.checkIfMatch(request, () -> ProgramView.of(program));
        if (body.code() != null && !body.code().equals(code)) {
            throw ProblemException.conflict("code-immutable", "a program's code cannot change");
        }
        checkYears(body);
        apply(program, body);
        program.persistAndFlush();
        return Versions.ok(ProgramView.of(program));
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{code}")
    @Transactional
    @Operation(summary = "Delete a program", description = "Refused with 409 while the program has pairings.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteProgram(@PathParam("code") String code, @Context Request request) {
        Program program = require(code);
        Versions.checkIfMatch(request, () -> ProgramView.of(program));
        long pairings = Pairing.count("program", program);
        if (pairings > 0) {
            throw ProblemException.conflict("program-has-pairings",
                    "program " + code + " still has " + pairings + " pairings; delete them first");
        }
        program.delete();
    }

    @GET
    @Path("/{code}/counties")
    @Operation(summary = "The program's designated industrial and mountain counties")
    public RestResponse<Designations.View> getDesignations(@PathParam("code") String code) {
        Program program = require(code);
        return Versions.ok(designationsOf(program));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{code}/counties")
    @Transactional
    @Operation(summary = "Replace the program's designated counties", description = "A county paired in this program keeps its designation: removing or switching it is a 409.")
    public RestResponse<Designations.View> replaceDesignations(@PathParam("code") String code,
            @Valid @NotNull Designations.Input body, @Context Request request) {
        Program program = require(code);
        Versions.checkIfMatch(request, () -> designationsOf(program));
        Map<String, DesignationRole> wanted = new HashMap<>();
        addAll(wanted, body.industrial(), DesignationRole.INDUSTRIAL, "industrial");
        addAll(wanted, body.mountain(), DesignationRole.MOUNTAIN, "mountain");
        List<String> unknown = County.unknownCodes(wanted.keySet());
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("counties", "no such county: " + String.join(", ", unknown));
        }
        List<Object[]> paired = Pairing.getEntityManager().createQuery(
                "select p.industrialCounty.code, p.mountainCounty.code from Pairing p where p.program = :program",
                Object[].class).setParameter("program", program).getResultList();
        for (Object[] pair : paired) {
            keep(wanted, (String) pair[0], DesignationRole.INDUSTRIAL);
            keep(wanted, (String) pair[1], DesignationRole.MOUNTAIN);
        }
        program.designations.clear();
        program.designations.putAll(wanted);
        program.persistAndFlush();
        return Versions.ok(designationsOf(program));
    }

    private static void addAll(Map<String, DesignationRole> wanted, List<String> codes, DesignationRole role,
            String field) {
        for (String code : codes) {
            DesignationRole previous = wanted.put(code, role);
            if (previous != null && previous != role) {
                throw ProblemException.invalid(field, "county " + code + " is listed as both industrial and mountain");
            }
        }
    }

    private static void keep(Map<String, DesignationRole> wanted, String code, DesignationRole role) {
        if (wanted.get(code) != role) {
            throw ProblemException.conflict("county-in-pairing", "county " + code + " is in a pairing of this program as "
                    + role.name().toLowerCase() + " side and must stay designated so");
        }
    }

    private static Designations.View designationsOf(Program program) {
        Map<String, County> counties = new HashMap<>();
        if (!program.designations.isEmpty()) {
            County.<County> list("code in ?1", program.designations.keySet()).forEach(c -> counties.put(c.code, c));
        }
        return new Designations.View(program.code, refs(program, counties, DesignationRole.INDUSTRIAL),
                refs(program, counties, DesignationRole.MOUNTAIN));
    }

    private static List<CountyRef> refs(Program program, Map<String, County> counties, DesignationRole role) {
        return program.designations.entrySet().stream().filter(e -> e.getValue() == role)
                .map(e -> CountyRef.of(counties.get(e.getKey()))).sorted(Comparator.comparing(CountyRef::code))
                .toList();
    }

    private static void checkYears(ProgramInput body) {
        if (body.endYear() < body.startYear()) {
            throw ProblemException.invalid("endYear", "must not be before startYear");
        }
    }

    private static void apply(Program program, ProgramInput body) {
        program.name = body.name();
        program.startYear = body.startYear();
        program.endYear = body.endYear();
        program.annualBudget = Money.of(body.annualBudget());
    }

    static Program require(String code) {
        Program program = Program.findByCode(code);
        if (program == null) {
            throw ProblemException.notFound("program", code);
        }
        return program;
    }
}
