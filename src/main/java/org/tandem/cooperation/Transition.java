package org.tandem.cooperation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.web.DateRange;

@Schema(name = "Transition", description = "A move of a project's lifecycle to a later step, or to CANCELLED, on a date")
record Transition(@NotNull @Schema(required = true, examples = "SIGNED") ProjectStatus to,
        @NotNull @DateRange(pastOrToday = true) @Schema(required = true, description = "When the step was taken, not before the step it follows. "
                + DateRange.UP_TO_TODAY, examples = "2024-05-01") LocalDate on) {
}
