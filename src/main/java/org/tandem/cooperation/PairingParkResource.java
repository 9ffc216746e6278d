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

@Path("/api/v1/pairings/{pairingId}/parks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parks")
@Authenticated
public class PairingParkResource {

    @Inject
    Exports exports;

    @Inject
    Access access;
    @Inject
    CooperationRecords records;

    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "List the parks a pairing co-built", description = "Sort by id (default), name or establishedOn.")
    public PageOf<ParkView> listParks(@PathParam("pairingId") long pairingId, @Valid @BeanParam PageRequest paging) {
        return records.pairingParks(pairingId, paging);
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportParks(@PathParam("pairingId") long pairingId, @Valid @BeanParam PageRequest paging,
            @BeanParam ExportRequest export) {
        return exports.send(export, ParkView.TABLE, Exports.datedFileName("pairing-" + pairingId, "parks"), paging,
                batch -> records.pairingParks(pairingId, batch).items());
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @POST
    @Transactional
    @Operation(summary = "Record a park the pairing co-built")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ParkView.class)))
    public RestResponse<ParkView> createPark(@PathParam("pairingId") long pairingId, @Valid @NotNull ParkInput body) {
        Pairing pairing = Pairing.require(pairingId);
        access.checkPairing(pairing);
        CooperationPark park = records.createPark(pairing, body);
        return Versions.created(URI.create("/api/v1/parks/" + park.id), ParkView.of(park));
    }

}
