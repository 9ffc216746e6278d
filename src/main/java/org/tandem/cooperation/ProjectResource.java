package org.tandem.cooperation;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.cache.ReadCache;
import org.tandem.export.ExportContract;
import org.tandem.export.ExportRequest;
import org.tandem.export.Exports;
import org.tandem.registry.ReadScopes;
import org.tandem.registry.RecordKind;
import org.tandem.security.Access;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

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
    @Inject
    CooperationRecords records;
    @Inject
    Exports exports;

    @NonBlocking
    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "List cooperation projects across pairings", description = "Filters: program code, track code, status, county (either side of the pair), hostCounty,"
            + " and year (a step of the project - planned, signed, construction, production or cancellation -"
            + " fell in that year). Sort by id, plannedOn, title, status or investment.")
    public Uni<PageOf<ProjectView>> listProjects(@QueryParam("program") String program,
            @QueryParam("track") String track, @QueryParam("status") ProjectStatus status,
            @QueryParam("county") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") @Parameter(description = "A county on either side of the pair") String county,
            @QueryParam("hostCounty") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String hostCounty,
            @QueryParam("year") @Min(1900) @Max(2200) Integer year, @Valid @BeanParam PageRequest paging) {
        return reads.async(() -> {
            if (program != null) {
                ReadScopes.recordsOf(program, RecordKind.PROJECTS);
            }
            return records.projects(program, track, status, county, hostCounty, year, paging);
        });
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportProjects(@QueryParam("program") String program, @QueryParam("track") String track,
            @QueryParam("status") ProjectStatus status,
            @QueryParam("county") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String county,
            @QueryParam("hostCounty") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String hostCounty,
            @QueryParam("year") @Min(1900) @Max(2200) Integer year, @Valid @BeanParam PageRequest paging,
            @BeanParam ExportRequest export) {
        return exports.send(export, ProjectView.TABLE, Exports.datedFileName(program, year, "projects"), paging,
                batch -> records.projects(program, track, status, county, hostCounty, year, batch).items(), ProjectView::id);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a cooperation project")
    public RestResponse<ProjectView> getProject(@PathParam("id") long id) {
        CooperationProject project = records.project(id);
        return Versions.ok(ProjectView.of(project));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Replace a project's details", description = "The status and step dates change only through transitions.")
    public RestResponse<ProjectView> updateProject(@PathParam("id") long id, @Valid @NotNull ProjectInput body,
            @Context Request request) {
        CooperationProject project = records.project(id);
        access.checkPairing(project.pairing);
        Versions.checkIfMatch(request, () -> ProjectView.of(project));
        records.updateProject(project, body);
        return Versions.ok(ProjectView.of(project));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Delete a cooperation project")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteProject(@PathParam("id") long id, @Context Request request) {
        CooperationProject project = records.project(id);
        access.checkPairing(project.pairing);
        Versions.checkIfMatch(request, () -> ProjectView.of(project));
        records.deleteProject(project);
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
        CooperationProject project = records.project(id);
        access.checkPairing(project.pairing);
        Versions.checkIfMatch(request, () -> ProjectView.of(project));
        records.moveProject(project, body);
        return Versions.ok(ProjectView.of(project));
    }
}
