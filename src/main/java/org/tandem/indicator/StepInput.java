package org.tandem.indicator;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkflowStepInput")
record StepInput(
        @Size(max = 1000) @Schema(description = "Required to return actuals; optional otherwise") String comment,
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") @Schema(description = "The county of the pair "
                + "the step is taken for. To confirm: a county editor's own county (the default; the other county is "
                + "refused with 403), required of an admin. To approve or return at the CITY level: narrows the step "
                + "to that county's side (default: every side of the caller's city, or every side for an admin).", examples = "331102") String county) {
}
