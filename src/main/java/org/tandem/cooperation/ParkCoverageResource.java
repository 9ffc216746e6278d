package org.tandem.cooperation;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
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
import org.tandem.export.ExportContract;
import org.tandem.export.ExportRequest;
import org.tandem.export.Exports;
import org.tandem.web.DateRange;

import io.quarkus.security.Authenticated;

@Path("/api/v1/programs/{code}/park-coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parks")
@Authenticated
public class ParkCoverageResource {

    @Inject
    Exports exports;

    @Inject
    CooperationRecords records;

    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "How many of the program's pairings have a park", description = "The seed reports 18 of 18 by June 2024; asOf counts only parks established by that date.")
    public ParkCoverage parkCoverage(@PathParam("code") String code,
            @QueryParam("asOf") @DateRange @Parameter(description = DateRange.IN_RANGE) LocalDate asOf) {
        return records.parkCoverage(code, asOf);
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportParkCoverage(@PathParam("code") String code, @QueryParam("asOf") @DateRange LocalDate asOf,
            @BeanParam ExportRequest export) {
        return exports.sendAll(export, ParkCoverage.TABLE, asOf == null ? Exports.datedFileName(code, "park-coverage")
                : Exports.fileName(code, asOf, "park-coverage"),
                () -> List.of(records.parkCoverage(code, asOf)));
    }
}
