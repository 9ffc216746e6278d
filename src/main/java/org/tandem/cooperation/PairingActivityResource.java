package org.tandem.cooperation;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

@Path("/api/v1/pairings/{pairingId}/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Activities")
@Authenticated
public class PairingActivityResource {

    @Inject
    Exports exports;

    @Inject
    Access access;
    @Inject
    CooperationRecords records;

    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "List a pairing's cooperation activities", description = "Filters: track, kind, year (held in). Sort by id, heldOn (default) or kind.")
    public PageOf<ActivityView> listActivities(@PathParam("pairingId") long pairingId,
            @QueryParam("track") String track, @QueryParam("kind") ActivityKind kind,
            @QueryParam("year") @Min(1900) @Max(2200) Integer year, @Valid @BeanParam PageRequest paging) {
        return records.pairingActivities(pairingId, track, kind, year, paging);
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportActivities(@PathParam("pairingId") long pairingId, @QueryParam("track") String track,
            @QueryParam("kind") ActivityKind kind, @QueryParam("year") @Min(1900) @Max(2200) Integer year,
            @Valid @BeanParam PageRequest paging, @BeanParam ExportRequest export) {
        return exports.send(export, ActivityView.TABLE,
                Exports.datedFileName("pairing-" + pairingId, year, "activities"), paging,
                batch -> records.pairingActivities(pairingId, track, kind, year, batch).items());
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @POST
    @Transactional
    @Operation(summary = "Record a cooperation activity of a pairing")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ActivityView.class)))
    public RestResponse<ActivityView> createActivity(@PathParam("pairingId") long pairingId,
            @Valid @NotNull ActivityInput body) {
        Pairing pairing = Pairing.require(pairingId);
        access.checkPairing(pairing);
        CooperationActivity activity = records.createActivity(pairing, body);
        return Versions.created(URI.create("/api/v1/activities/" + activity.id), ActivityView.of(activity));
    }

}
