package org.tandem.indicator;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PeriodSubmitInput", description = "The submission of a progress report")
record PeriodSubmitInput(@Size(max = 1000) @Schema(description = "Optional; kept in the history") String comment) {
}
