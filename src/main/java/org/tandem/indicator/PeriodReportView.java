package org.tandem.indicator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PeriodReport", description = "A pair-year's progress report of one period of the programme's "
        + "calendar: the values of the indicators reported in that period's granularity (Q1–Q4: those reported per "
        + "QUARTER; H1, H2: per HALF_YEAR), in catalogue order. Progress only: the annual actuals are what "
        + "assessments score.")
record PeriodReportView(
        @Schema(required = true) long pairing,
        @Schema(required = true) int year,
        @Schema(required = true) ReportingPeriodKind period,
        @Schema(required = true, description = "The period's due date in the programme's calendar") LocalDate dueOn,
        @Schema(required = true, description = "The active REPORTED indicators this report takes values of") List<String> indicators,
        @Schema(required = true) List<ValueView> items,
        @Schema(description = "When the report was first submitted (for the calendar: on time or late)") OffsetDateTime firstSubmittedAt,
        @Schema(description = "When the report was last submitted") OffsetDateTime lastSubmittedAt) {
}
