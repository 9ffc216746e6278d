package org.tandem.registry;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.cache.ReadCache;
import org.tandem.export.ExportContract;
import org.tandem.export.ExportRequest;
import org.tandem.export.Exports;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/counties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Counties")
@Authenticated
class CountyResource {

    @Inject
    Exports exports;

    @Inject
    ReadCache reads;
    @Inject
    Counties counties;

    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "List counties", description = "The 90 county-level divisions of Zhejiang; sort by code, name or cityCode.")
    @NonBlocking
    public Uni<PageOf<CountyView>> listCounties(@QueryParam("category") CountyCategory category,
            @QueryParam("cityCode") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String cityCode,
            @QueryParam("q") @Parameter(description = "Part of the name") String q,
            @Valid @BeanParam PageRequest paging) {
        return reads.async(() -> counties.list(category, cityCode, q, paging));
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportCounties(@QueryParam("category") CountyCategory category,
            @QueryParam("cityCode") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String cityCode,
            @QueryParam("q") String q, @Valid @BeanParam PageRequest paging, @BeanParam ExportRequest export) {
        return exports.send(export, CountyView.TABLE, Exports.datedFileName("counties"), paging,
                batch -> counties.list(category, cityCode, q, batch).items());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a county by its 6-digit code")
    public RestResponse<CountyView> getCounty(@PathParam("code") String code) {
        County county = counties.require(code);
        return Versions.ok(CountyView.of(county));
    }
}
