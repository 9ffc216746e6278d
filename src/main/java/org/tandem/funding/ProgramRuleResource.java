package org.tandem.funding;

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

@Path("/api/v1/programs/{code}/years/{year}/allocation-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Funding")
@Authenticated
public class ProgramRuleResource {

    @Inject
    AllocationRules rules;

    @GET
    @Operation(summary = "The allocation rule versions of a program-year", description = "Sort by number (default) or id.")
    public PageOf<RuleView> listAllocationRules(@PathParam("code") String code, @PathParam("year") int year,
            @Valid @BeanParam PageRequest paging) {
        return rules.list(code, year, paging);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Transactional
    @Operation(summary = "Create a draft allocation rule, the next version of its program-year", description = "Grades are listed once each;"
            + " the rule is used for allocations only once published, and is immutable from then on.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = RuleView.class)))
    public RestResponse<RuleView> createAllocationRule(@PathParam("code") String code, @PathParam("year") int year,
            @Valid @NotNull RuleInput body) {
        AllocationRule rule = rules.create(code, year, body);
        return Versions.created(URI.create("/api/v1/allocation-rules/" + rule.id), rules.view(rule));
    }
}
