package org.tandem.scheme;

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
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/scoring-schemes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring schemes")
@Authenticated
public class SchemeResource {

    @Inject
    Schemes schemes;

    @GET
    @Operation(summary = "List scoring schemes", description = "Filters: program, year, status. Sort by id (default), year or number.")
    public PageOf<SchemeView> listSchemes(@QueryParam("program") String program, @QueryParam("year") Integer year,
            @QueryParam("status") SchemeStatus status, @Valid @BeanParam PageRequest paging) {
        return schemes.list(program, year, status, paging);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Transactional
    @Operation(summary = "Create a draft scoring scheme, the next version of its program-year", description = "The rules are checked as a whole (weights sum to 100, points within a track sum to its weight,"
            + " every indicator known, bands without gaps); errors name the offending part.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SchemeView.class)))
    public RestResponse<SchemeView> createScheme(@Valid @NotNull SchemeInput body) {
        Scheme scheme = schemes.create(body);
        return Versions.created(URI.create("/api/v1/scoring-schemes/" + scheme.id), schemes.view(scheme));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a scoring scheme")
    public RestResponse<SchemeView> getScheme(@PathParam("id") long id) {
        Scheme scheme = schemes.require(id);
        return Versions.ok(schemes.view(scheme));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Replace a draft scheme", description = "409 scheme-published once it is published.")
    public RestResponse<SchemeView> updateScheme(@PathParam("id") long id, @Valid @NotNull SchemeInput body,
            @Context Request request) {
        Scheme scheme = schemes.require(id);
        Versions.checkIfMatch(request, () -> schemes.view(scheme));
        SchemeView view = schemes.update(scheme, body);
        return Versions.ok(view);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/{id}/publish")
    @Transactional
    @Operation(summary = "Publish a draft scheme", description = "A published scheme is immutable; assessment runs use the latest published version of their program-year.")
    public RestResponse<SchemeView> publishScheme(@PathParam("id") long id, @Context Request request) {
        Scheme scheme = schemes.require(id);
        Versions.checkIfMatch(request, () -> schemes.view(scheme));
        SchemeView view = schemes.publish(scheme);
        return Versions.ok(view);
    }
}
