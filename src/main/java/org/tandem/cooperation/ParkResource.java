package org.tandem.cooperation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.security.Access;
import org.tandem.security.Roles;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/parks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parks")
@Authenticated
public class ParkResource {

    @Inject
    Access access;
    @Inject
    CooperationRecords records;

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a park")
    public RestResponse<ParkView> getPark(@PathParam("id") long id) {
        CooperationPark park = records.park(id);
        return Versions.ok(ParkView.of(park));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Replace a park")
    public RestResponse<ParkView> updatePark(@PathParam("id") long id, @Valid @NotNull ParkInput body,
            @Context Request request) {
        CooperationPark park = records.park(id);
        access.checkPairing(park.pairing);
        Versions.checkIfMatch(request, () -> ParkView.of(park));
        records.updatePark(park, body);
        return Versions.ok(ParkView.of(park));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Delete a park")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deletePark(@PathParam("id") long id, @Context Request request) {
        CooperationPark park = records.park(id);
        access.checkPairing(park.pairing);
        Versions.checkIfMatch(request, () -> ParkView.of(park));
        records.deletePark(park);
    }
}
