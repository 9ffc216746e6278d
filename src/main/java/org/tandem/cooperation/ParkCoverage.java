package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ParkCoverage", description = "How many of a program's pairings (dissolved ones left out) have co-built a park")
record ParkCoverage(
        @Schema(required = true) String program,
        @Schema(description = "Parks established on or before this date count; absent: every park recorded") LocalDate asOf,
        @Schema(required = true) long pairings,
        @Schema(required = true) long pairingsWithPark,
        @Schema(description = "pairingsWithPark / pairings, 4 decimals half-up; absent when there are no pairings") BigDecimal coverage) {
}
