package org.tandem.indicator;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportingCalendar", description = "A program's reporting periods of one year with their due dates; "
        + "empty while none is set")
record CalendarView(
        @Schema(required = true) String program,
        @Schema(required = true) int year,
        @Schema(required = true) List<Period> periods) {

    @Schema(name = "ReportingPeriod")
    record Period(@NotNull @Schema(required = true) ReportingPeriodKind period,
            @NotNull @Schema(required = true, description = "The last day a submission is on time, in China "
                    + "Standard Time", examples = "2025-01-31") LocalDate dueOn) {
    }

    @Schema(name = "ReportingCalendarInput", description = "Replaces the year's periods: ANNUAL is required, "
            + "half-yearly and quarterly progress reports are optional")
    record Input(@NotNull @Size(min = 1, max = 7) @Schema(required = true) List<@Valid @NotNull Period> periods) {
    }
}
