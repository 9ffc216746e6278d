package org.tandem.indicator;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkflowStepInput")
record StepInput(
        @Size(max = 1000) @Schema(description = "Required to return actuals; optional otherwise") String comment) {
}
