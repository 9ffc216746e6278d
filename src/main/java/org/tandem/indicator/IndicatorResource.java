package org.tandem.indicator;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.export.ExportContract;
import org.tandem.export.ExportRequest;
import org.tandem.export.Exports;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators")
@Authenticated
class IndicatorResource {

    @Inject
    Exports exports;

    @Inject
    IndicatorCatalogue catalogue;

    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "List the indicator catalogue", description = "Filter by track code, source and active; sort by track (the default: track order, then code) or code.")
    public PageOf<IndicatorView> listIndicators(@QueryParam("track") String track,
            @QueryParam("source") IndicatorSource source,
            @QueryParam("active") @Parameter(description = "true: only active indicators; false: only inactive ones") Boolean active,
            @Valid @BeanParam PageRequest paging) {
        return catalogue.list(track, source, active, paging);
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportIndicators(@QueryParam("track") String track, @QueryParam("source") IndicatorSource source,
            @QueryParam("active") Boolean active, @Valid @BeanParam PageRequest paging,
            @BeanParam ExportRequest export) {
        return exports.send(export, IndicatorView.TABLE, Exports.datedFileName(track, "indicators"), paging,
                batch -> catalogue.list(track, source, active, batch).items());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get an indicator")
    public RestResponse<IndicatorView> getIndicator(@PathParam("code") String code) {
        Indicator indicator = catalogue.require(code);
        return Versions.ok(IndicatorView.of(indicator));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Transactional
    @Operation(summary = "Add an indicator to the catalogue", description = "A DERIVED indicator needs a derivation whose measure fits its records (400 naming the field). "
            + "409 duplicate-code when the code exists.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public RestResponse<IndicatorView> createIndicator(@Valid @NotNull IndicatorInput body) {
        Indicator indicator = catalogue.create(body);
        return Versions.created(URI.create("/api/v1/indicators/" + indicator.code), IndicatorView.of(indicator));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{code}")
    @Transactional
    @Operation(summary = "Replace an indicator", description = "Switching source between REPORTED and DERIVED is refused with 409 indicator-has-actuals "
            + "once actual values were stored for the indicator.")
    public RestResponse<IndicatorView> updateIndicator(@PathParam("code") String code,
            @Valid @NotNull IndicatorInput body, @Context Request request) {
        Indicator indicator = catalogue.replace(code, body, request);
        return Versions.ok(IndicatorView.of(indicator));
    }
}
