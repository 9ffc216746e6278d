package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;

@Schema(name = "ParkCoverage", description = "How many of a program's pairings (dissolved ones left out) have co-built a park")
record ParkCoverage(
        @Schema(required = true) String program,
        @Schema(description = "Parks established on or before this date count; absent: every park recorded") LocalDate asOf,
        @Schema(required = true) long pairings,
        @Schema(required = true) long pairingsWithPark,
        @Schema(description = "pairingsWithPark / pairings, 4 decimals half-up; absent when there are no pairings") BigDecimal coverage) {

    /** The columns of an export of a programme's park coverage: one row. */
    static final Table<ParkCoverage> TABLE = Table.of("park-coverage",
            Column.text("计划", "Programme", ParkCoverage::program),
            Column.date("截至日期", "As of", ParkCoverage::asOf),
            Column.integer("结对数", "Pairings", ParkCoverage::pairings),
            Column.integer("有园区的结对数", "Pairings with a park", ParkCoverage::pairingsWithPark),
            Column.decimal("覆盖率", "Coverage", ParkCoverage::coverage));
}
