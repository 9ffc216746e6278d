package org.tandem.scheme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SchemeInput", description = "A scoring scheme version as clients write it. On PUT, program and year cannot change.")
record SchemeInput(
        @NotBlank @Size(max = 32) @Schema(required = true, examples = "ZJ-MFG-2023") String program,
        @NotNull @Min(2000) @Max(2100) @Schema(required = true, examples = "2023") Integer year,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "2023年度考核评价办法（示例）") String name,
        @Size(max = 2000) String description,
        @Schema(description = "Marks an illustrative scheme that is not the official one") Boolean example,
        @NotNull @Valid @Schema(required = true) SchemeRules rules) {
}
