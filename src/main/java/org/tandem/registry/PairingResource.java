package org.tandem.registry;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.cache.ReadCache;
import org.tandem.export.ExportContract;
import org.tandem.export.ExportRequest;
import org.tandem.export.Exports;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/pairings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pairings")
@Authenticated
class PairingResource {

    @Inject
    Exports exports;

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    ReadCache reads;
    @Inject
    Pairings pairings;

    @NonBlocking
    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "List pairings", description = "Filter by program code, county code (either side) and status; sort by id, formedOn or status.")
    public Uni<PageOf<PairingView>> listPairings(@QueryParam("program") String program,
            @QueryParam("county") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") @Parameter(description = "A county on either side") String county,
            @QueryParam("status") PairingStatus status, @Valid @BeanParam PageRequest paging) {
        return reads.async(() -> pairings.list(program, county, status, paging));
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportPairings(@QueryParam("program") String program,
            @QueryParam("county") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String county,
            @QueryParam("status") PairingStatus status, @Valid @BeanParam PageRequest paging,
            @BeanParam ExportRequest export) {
        return exports.send(export, PairingView.TABLE, Exports.datedFileName(program, "pairings"), paging,
                batch -> pairings.list(program, county, status, batch).items());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a pairing")
    public RestResponse<PairingView> getPairing(@PathParam("id") long id) {
        Pairing pairing = Pairing.require(id);
        return Versions.ok(PairingView.of(pairing));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Transactional
    @Operation(summary = "Pair an industrial county with a mountain county in a program", description = "409 when a rule is broken: the problem type names it (same-county, not-designated-industrial, not-designated-mountain, county-already-paired).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PairingView.class)))
    public RestResponse<PairingView> createPairing(@Valid @NotNull PairingInput body) {
        Pairing pairing = pairings.create(body);
        return Versions.created(URI.create("/api/v1/pairings/" + pairing.id), PairingView.of(pairing));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Replace a pairing")
    public RestResponse<PairingView> updatePairing(@PathParam("id") long id, @Valid @NotNull PairingInput body,
            @Context Request request) {
        Pairing pairing = Pairing.require(id);
        Versions.checkIfMatch(request, () -> PairingView.of(pairing));
        pairings.replace(pairing, body);
        return Versions.ok(PairingView.of(pairing));
    }

    @RolesAllowed(Roles.ADMIN)
    @PATCH
    @Path("/{id}")
    @Transactional
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change some of a pairing's details", description = "JSON merge patch: fields left out stay as they are.")
    public RestResponse<PairingView> patchPairing(@PathParam("id") long id, @Valid @NotNull PairingPatch body,
            @Context Request request) {
        Pairing pairing = Pairing.require(id);
        Versions.checkIfMatch(request, () -> PairingView.of(pairing));
        pairings.patch(pairing, body);
        return Versions.ok(PairingView.of(pairing));
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Delete a pairing")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deletePairing(@PathParam("id") long id, @Context Request request) {
        Pairing pairing = Pairing.require(id);
        Versions.checkIfMatch(request, () -> PairingView.of(pairing));
        pairings.delete(pairing);
    }
}
