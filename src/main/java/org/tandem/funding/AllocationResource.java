package org.tandem.funding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.security.Roles;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Funding")
@Authenticated
public class AllocationResource {

    @Inject
    Allocations allocations;
    @Inject
    FundingAccess access;

    @GET
    @Path("/{id}")
    @Operation(summary = "An allocation with its breakdown", description = "A county editor sees only their county's lines.")
    public RestResponse<AllocationView> getAllocation(@PathParam("id") long id) {
        return Versions.ok(allocations.view(allocations.require(id), access.ownCounty()));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/{id}/approve")
    @Transactional
    @Operation(summary = "Approve a draft allocation into the ledger", description = "One ALLOCATION entry per pair with an amount."
            + " 409 allocation-stale when an assessment or pair changed since it was computed; 409"
            + " allocation-already-approved when the program-year has an approved one.")
    public RestResponse<AllocationView> approveAllocation(@PathParam("id") long id, @Context Request request) {
        Allocation allocation = allocations.require(id);
        Versions.checkIfMatch(request, () -> allocations.view(allocation, access.ownCounty()));
        return Versions.ok(allocations.approve(allocation));
    }
}
