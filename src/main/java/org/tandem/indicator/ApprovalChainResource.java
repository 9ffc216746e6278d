package org.tandem.indicator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

/** A programme's approval chain for its pair-years' actuals. */
@Path("/api/v1/programs/{code}/approval-chain")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Targets and actuals")
@Authenticated
class ApprovalChainResource {

    @Inject
    Approvals approvals;

    @GET
    @Operation(summary = "Get a program's approval chain for its pair-years' actuals")
    public RestResponse<ApprovalChainView> getApprovalChain(@PathParam("code") String code) {
        return Versions.ok(approvals.chain(code));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Transactional
    @Operation(summary = "Set a program's approval chain", description = "Levels upward without repeats, ending with "
            + "PROVINCE (400 naming levels): [PROVINCE] (the default), [PAIR_COUNTIES, PROVINCE], [CITY, PROVINCE] or "
            + "[PAIR_COUNTIES, CITY, PROVINCE]. 409 approval-chain-in-use while any pair-year of the program is "
            + "SUBMITTED or partly confirmed.")
    public RestResponse<ApprovalChainView> putApprovalChain(@PathParam("code") String code,
            @Valid @NotNull ApprovalChainView.Input body, @Context Request request) {
        return Versions.ok(approvals.replaceChain(code, body, request));
    }

}
