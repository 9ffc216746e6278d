package org.tandem.assessment;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

/** The objections to one assessment: filed by its pair's county editors in the window, resolved by an assessor. */
@Path("/api/v1/assessments/{id}/objections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Objections")
@Authenticated
public class ObjectionResource {

    @Inject
    Assessments assessments;
    @Inject
    Objections objections;

    @GET
    @Operation(summary = "The objections to an assessment", description = "In id order by default (sort: id, filedAt, state)."
            + " A county editor sees its own pairs' objections only.")
    public PageOf<ObjectionViews.ObjectionView> listAssessmentObjections(@PathParam("id") long id,
            @QueryParam("state") @Parameter(description = ObjectionViews.STATE, schema = @Schema(enumeration = {
                    "open", "upheld", "rejected" })) String state,
            @Valid @BeanParam PageRequest paging) {
        ObjectionState wanted = ObjectionState.named(state);
        return objections.ofAssessment(assessments.require(id), wanted, paging);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @POST
    @Transactional
    @Operation(summary = "Object to an assessment, with a reason", description = "By an editor of one of the pair's counties, while"
            + " its programme-year is published for objections and the window is open (409 objection-window-not-open otherwise;"
            + " 403 not-your-pairing for another county's pair).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ObjectionViews.ObjectionView.class)))
    public RestResponse<ObjectionViews.ObjectionView> fileObjection(@PathParam("id") long id,
            @Valid @NotNull ObjectionViews.ObjectionInput body) {
        Objection objection = objections.file(assessments.require(id), body);
        return Versions.created(URI.create("/api/v1/assessments/" + id + "/objections/" + objection.id),
                ObjectionViews.ObjectionView.of(objection));
    }

    @GET
    @Path("/{objectionId}")
    @Operation(summary = "An objection with its resolution")
    public RestResponse<ObjectionViews.ObjectionView> getObjection(@PathParam("id") long id,
            @PathParam("objectionId") long objectionId) {
        return Versions.ok(ObjectionViews.ObjectionView.of(objections.require(id, objectionId)));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/{objectionId}/resolution")
    @Transactional
    @Operation(summary = "Resolve an open objection: uphold it (an adjustment or a rescore) or reject it, with a reason", description = "Upheld with ADJUSTMENT adds the reviewer's adjustment (the scheme's items and caps apply) and links it to the"
            + " objection; with RESCORE the assessment is scored again from its pair's current data. Either way the totals and"
            + " breakdowns before and after are kept, and the ranking is updated. 409 objection-resolved when it was resolved already.")
    public RestResponse<ObjectionViews.ObjectionView> resolveObjection(@PathParam("id") long id,
            @PathParam("objectionId") long objectionId, @Valid @NotNull ObjectionViews.ResolutionInput body,
            @Context Request request) {
        Objection objection = objections.require(id, objectionId);
        Versions.checkIfMatch(request, () -> ObjectionViews.ObjectionView.of(objection));
        return Versions.ok(objections.resolve(objection, body));
    }
}
