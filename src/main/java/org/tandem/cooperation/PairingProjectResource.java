package org.tandem.cooperation;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
import org.tandem.registry.Pairing;
import org.tandem.security.Access;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/pairings/{pairingId}/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
@Authenticated
public class PairingProjectResource {

    @Inject
    Access access;
    @Inject
    CooperationRecords records;
    @Inject
    Exports exports;

    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "List a pairing's cooperation projects")
    public PageOf<ProjectView> listPairingProjects(@PathParam("pairingId") long pairingId,
            @QueryParam("track") String track, @Valid @BeanParam PageRequest paging) {
        return records.pairingProjects(pairingId, track, paging);
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportPairingProjects(@PathParam("pairingId") long pairingId, @QueryParam("track") String track,
            @Valid @BeanParam PageRequest paging, @BeanParam ExportRequest export) {
        return exports.send(export, ProjectView.TABLE, Exports.datedFileName("pairing-" + pairingId, track, "projects"),
                paging, batch -> records.pairingProjects(pairingId, track, batch).items(), ProjectView::id);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @POST
    @Transactional
    @Operation(summary = "Record a cooperation project of a pairing", description = "It starts PLANNED on plannedOn.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public RestResponse<ProjectView> createProject(@PathParam("pairingId") long pairingId,
            @Valid @NotNull ProjectInput body) {
        Pairing pairing = Pairing.require(pairingId);
        access.checkPairing(pairing);
        CooperationProject project = records.createProject(pairing, body);
        return Versions.created(URI.create("/api/v1/projects/" + project.id), ProjectView.of(project));
    }

}
