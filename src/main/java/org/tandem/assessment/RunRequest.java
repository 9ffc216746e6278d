package org.tandem.assessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RunRequest")
record RunRequest(@NotBlank @Size(max = 32) @Schema(required = true, examples = "ZJ-MFG-2023") String program,
        @NotNull @Min(2000) @Max(2100) @Schema(required = true, examples = "2023") Integer year) {
}
