package org.tandem.cooperation;

import java.util.List;
import java.util.Map;

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
import org.tandem.Money;
import org.tandem.assessment.YearLock;
import org.tandem.problem.ProblemException;
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

    static final Map<String, String> SORTABLE = Map.of("id", "a.id", "heldOn", "a.heldOn", "kind", "a.kind");
    static final String FETCH = "from CooperationActivity a join fetch a.pairing join fetch a.track";

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a cooperation activity")
    public RestResponse<ActivityView> getActivity(@PathParam("id") long id) {
        CooperationActivity activity = require(id);
        return Versions.ok(ActivityView.of(activity));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Replace a cooperation activity")
    public RestResponse<ActivityView> updateActivity(@PathParam("id") long id, @Valid @NotNull ActivityInput body,
            @Context Request request) {
        CooperationActivity activity = require(id);
        access.checkPairing(activity.pairing);
        Versions.checkIfMatch(request, () -> ActivityView.of(activity));
        apply(activity, body);
        activity.persistAndFlush();
        return Versions.ok(ActivityView.of(activity));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Delete a cooperation activity")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteActivity(@PathParam("id") long id, @Context Request request) {
        CooperationActivity activity = require(id);
        access.checkPairing(activity.pairing);
        Versions.checkIfMatch(request, () -> ActivityView.of(activity));
        YearLock.check(activity.pairing.id, List.of(activity.heldOn.getYear()));
        activity.delete();
        CooperationActivity.flush();
    }

    static void apply(CooperationActivity activity, ActivityInput body) {
        YearLock.check(activity.pairing.id, activity.heldOn == null ? List.of(body.heldOn().getYear())
                : List.of(activity.heldOn.getYear(), body.heldOn().getYear()));
        activity.track = PairingScope.track(body.track());
        activity.kind = body.kind();
        activity.heldOn = body.heldOn();
        activity.title = body.title();
        activity.participants = body.participants();
        activity.enterprises = body.enterprises();
        activity.amount = Money.of(body.amount());
        activity.description = body.description();
    }

    static CooperationActivity require(long id) {
        CooperationActivity activity = CooperationActivity.find(FETCH + " where a.id = ?1", id).firstResult();
        if (activity == null) {
            throw ProblemException.notFound("activity", id);
        }
        return activity;
    }
}
