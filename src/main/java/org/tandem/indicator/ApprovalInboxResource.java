package org.tandem.indicator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

import io.quarkus.security.Authenticated;

/** The approval inbox of each level of the approval chains. */
@Path("/api/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Targets and actuals")
@Authenticated
class ApprovalInboxResource {

    @Inject
    Approvals approvals;

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR, Roles.CITY_REVIEWER, Roles.COUNTY_EDITOR })
    @GET
    @Operation(summary = "The approval inbox: pair-years whose actuals wait for a level, within the caller's scope", description = "level defaults to the caller's own (county editor PAIR_COUNTIES, city reviewer CITY, "
            + "assessor and admin PROVINCE); another level than the caller's is refused (403 not-your-level). "
            + "A county editor sees its own pairs whose county has not confirmed, a city reviewer its city's "
            + "pairs whose city has not approved, the province every pair waiting for it. Sort by pairing "
            + "(default), year or lastSubmittedAt. Three SQL statements whatever the page size.")
    public PageOf<InboxItemView> listApprovals(@QueryParam("level") ApprovalLevel level,
            @QueryParam("program") @Size(max = 32) String program,
            @QueryParam("year") @Min(1900) @Max(2999) Integer year, @Valid @BeanParam PageRequest paging) {
        return approvals.inbox(level, program, year, paging);
    }
}
