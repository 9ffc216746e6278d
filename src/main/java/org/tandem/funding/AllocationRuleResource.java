package org.tandem.funding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

@Path("/api/v1/allocation-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Funding")
@Authenticated
public class AllocationRuleResource {

    @Inject
    AllocationRules rules;

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an allocation rule")
    public RestResponse<RuleView> getAllocationRule(@PathParam("id") long id) {
        return Versions.ok(rules.view(rules.require(id)));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Replace a draft allocation rule", description = "409 allocation-rule-published once it is published.")
    public RestResponse<RuleView> updateAllocationRule(@PathParam("id") long id, @Valid @NotNull RuleInput body,
            @Context Request request) {
        AllocationRule rule = rules.require(id);
        Versions.checkIfMatch(request, () -> rules.view(rule));
        return Versions.ok(rules.update(rule, body));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/{id}/publish")
    @Transactional
    @Operation(summary = "Publish a draft allocation rule", description = "A published rule is immutable; allocations use a published rule.")
    public RestResponse<RuleView> publishAllocationRule(@PathParam("id") long id, @Context Request request) {
        AllocationRule rule = rules.require(id);
        Versions.checkIfMatch(request, () -> rules.view(rule));
        return Versions.ok(rules.publish(rule));
    }
}
