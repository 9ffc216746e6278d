package org.tandem.registry;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.export.ExportContract;
import org.tandem.export.ExportRequest;
import org.tandem.export.Exports;
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
class ProgramResource {

    @Inject
    Exports exports;

    @Inject
    Programs programs;

    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "List programs", description = "Sort by code, name or startYear.")
    public PageOf<ProgramView> listPrograms(@Valid @BeanParam PageRequest paging) {
        return programs.list(paging);
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportPrograms(@Valid @BeanParam PageRequest paging, @BeanParam ExportRequest export) {
        return exports.send(export, ProgramView.TABLE, Exports.datedFileName("programs"), paging,
                batch -> programs.list(batch).items());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a program")
    public RestResponse<ProgramView> getProgram(@PathParam("code") String code) {
        Program program = Program.require(code);
        return Versions.ok(ProgramView.of(program));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Transactional
    @Operation(summary = "Create a program")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    public RestResponse<ProgramView> createProgram(@Valid @NotNull ProgramInput body) {
        Program program = programs.create(body);
        return Versions.created(URI.create("/api/v1/programs/" + program.code), ProgramView.of(program));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{code}")
    @Transactional
    @Operation(summary = "Replace a program's name, years and budget")
    public RestResponse<ProgramView> updateProgram(@PathParam("code") String code, @Valid @NotNull ProgramInput body,
            @Context Request request) {
        Program program = Program.require(code);
        Versions.checkIfMatch(request, () -> ProgramView.of(program));
        programs.update(program, body);
        return Versions.ok(ProgramView.of(program));
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{code}")
    @Transactional
    @Operation(summary = "Delete a program", description = "Refused with 409 while the program has pairings"
            + " (program-has-pairings) or other data of its own, such as scoring schemes or assessments (referenced).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteProgram(@PathParam("code") String code, @Context Request request) {
        Program program = Program.require(code);
        Versions.checkIfMatch(request, () -> ProgramView.of(program));
        programs.delete(program);
    }

    @GET
    @Path("/{code}/counties")
    @Operation(summary = "The program's designated industrial and mountain counties")
    public RestResponse<Designations.View> getDesignations(@PathParam("code") String code) {
        Program program = Program.require(code);
        return Versions.ok(programs.designationsOf(program));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{code}/counties")
    @Transactional
    @Operation(summary = "Replace the program's designated counties", description = "A county paired in this program keeps its designation: removing or switching it is a 409.")
    public RestResponse<Designations.View> replaceDesignations(@PathParam("code") String code,
            @Valid @NotNull Designations.Input body, @Context Request request) {
        Program program = Program.require(code);
        Versions.checkIfMatch(request, () -> programs.designationsOf(program));
        Designations.View designations = programs.designate(program, body);
        return Versions.ok(designations);
    }
}
