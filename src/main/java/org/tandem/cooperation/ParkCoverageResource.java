package org.tandem.cooperation;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.web.DateRange;

import io.quarkus.security.Authenticated;

@Path("/api/v1/programs/{code}/park-coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parks")
@Authenticated
public class ParkCoverageResource {

    @Inject
    CooperationRecords records;

    @GET
    @Operation(summary = "How many of the program's pairings have a park", description = "The seed reports 18 of 18 by June 2024; asOf counts only parks established by that date.")
    public ParkCoverage parkCoverage(@PathParam("code") String code,
            @QueryParam("asOf") @DateRange @Parameter(description = DateRange.IN_RANGE) LocalDate asOf) {
        return records.parkCoverage(code, asOf);
    }
}
