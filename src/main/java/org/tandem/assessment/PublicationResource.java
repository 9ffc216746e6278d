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
import jakarta.ws.rs.core.MediaType;

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

/** A programme-year's objection window (公示) and the objections filed in it. */
@Path("/api/v1/programs/{code}/years/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Objections")
@Authenticated
public class PublicationResource {

    @Inject
    Objections objections;

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/publication")
    @Transactional
    @Operation(summary = "Publish a programme-year's assessments for objections (公示)", description = "The window opens now and"
            + " closes after the given days; meanwhile the pairs' county editors file objections and no assessment of the year"
            + " is finalized. Once per programme-year (409 already-published); 409 no-assessments before the year is assessed.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ObjectionViews.Publication.class)))
    public RestResponse<ObjectionViews.Publication> publishForObjections(@PathParam("code") String code,
            @PathParam("year") int year, @Valid @NotNull ObjectionViews.PublishInput body) {
        ObjectionViews.Publication publication = objections.publish(code, year, body.days());
        return Versions.created(URI.create("/api/v1/programs/" + code + "/years/" + year + "/publication"),
                publication);
    }

    @GET
    @Path("/publication")
    @Operation(summary = "A programme-year's objection window", description = "open says whether it is open now; the objections"
            + " counted by state. 404 when the year has not been published for objections.")
    public RestResponse<ObjectionViews.Publication> getPublication(@PathParam("code") String code,
            @PathParam("year") int year) {
        return Versions.ok(objections.publication(objections.window(code, year)));
    }

    @GET
    @Path("/objections")
    @Operation(summary = "A programme-year's objections", description = "In id order by default (sort: id, filedAt, state)."
            + " A county editor sees its own pairs' objections only.")
    public PageOf<ObjectionViews.ObjectionView> listObjections(@PathParam("code") String code,
            @PathParam("year") int year,
            @QueryParam("state") @Parameter(description = ObjectionViews.STATE, schema = @Schema(enumeration = {
                    "open", "upheld", "rejected" })) String state,
            @Valid @BeanParam PageRequest paging) {
        ObjectionState wanted = ObjectionState.named(state);
        return objections.ofProgramYear(code, year, wanted, paging);
    }
}
