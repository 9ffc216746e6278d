package org.tandem.funding;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/programs/{code}/years/{year}/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Funding")
@Authenticated
public class ProgramAllocationResource {

    @Inject
    Allocations allocations;
    @Inject
    FundingAccess access;

    @GET
    @Operation(summary = "The allocations computed for a program-year", description = "Drafts and the approved one, by id;"
            + " a county editor sees only their county's lines.")
    public PageOf<AllocationView> listAllocations(@PathParam("code") String code, @PathParam("year") int year,
            @Valid @BeanParam PageRequest paging) {
        return allocations.list(code, year, paging, access.ownCounty());
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Transactional
    @Operation(summary = "Compute a draft allocation of the program-year", description = "From every pair's finalized assessment"
            + " of the year (409 assessments-not-finalized otherwise) and a published rule (the latest unless one is named);"
            + " the breakdown explains every fen. Approve it to write it into the ledger.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AllocationView.class)))
    public RestResponse<AllocationView> computeAllocation(@PathParam("code") String code, @PathParam("year") int year,
            @Valid AllocationView.Request body) {
        Allocation allocation = allocations.compute(code, year, body == null ? null : body.rule());
        return Versions.created(URI.create("/api/v1/allocations/" + allocation.id),
                allocations.view(allocation, null));
    }
}
