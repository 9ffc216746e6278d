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

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Activities")
@Authenticated
public class ActivityResource {

    @Inject
    Access access;
    @Inject
    CooperationRecords records;

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a cooperation activity")
    public RestResponse<ActivityView> getActivity(@PathParam("id") long id) {
        CooperationActivity activity = records.activity(id);
        return Versions.ok(ActivityView.of(activity));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Replace a cooperation activity")
    public RestResponse<ActivityView> updateActivity(@PathParam("id") long id, @Valid @NotNull ActivityInput body,
            @Context Request request) {
        CooperationActivity activity = records.activity(id);
        access.checkPairing(activity.pairing);
        Versions.checkIfMatch(request, () -> ActivityView.of(activity));
        records.updateActivity(activity, body);
        return Versions.ok(ActivityView.of(activity));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Delete a cooperation activity")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteActivity(@PathParam("id") long id, @Context Request request) {
        CooperationActivity activity = records.activity(id);
        access.checkPairing(activity.pairing);
        Versions.checkIfMatch(request, () -> ActivityView.of(activity));
        records.deleteActivity(activity);
    }
}
