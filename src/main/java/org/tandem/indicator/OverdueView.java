package org.tandem.indicator;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.registry.CountyRef;

@Schema(name = "OverdueSubmission", description = "A pair-year whose report of a period came after its due date "
        + "(LATE) or has not come and the due date has passed (MISSING)")
record OverdueView(
        @Schema(required = true) long pairing,
        @Schema(required = true) CountyRef industrialCounty,
        @Schema(required = true) CountyRef mountainCounty,
        @Schema(required = true) ReportingPeriodKind period,
        @Schema(required = true) LocalDate dueOn,
        @Schema(required = true) Status status,
        @Schema(description = "When it was first submitted; absent while MISSING") OffsetDateTime submittedAt,
        @Schema(required = true, description = "Days after the due date it came (LATE) or until today (MISSING)") long daysLate) {

    @Schema(name = "OverdueStatus")
    enum Status {
        LATE,
        MISSING
    }
}
