package org.tandem.indicator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.scoring.Direction;

@Schema(name = "IndicatorInput", description = "An indicator as clients write it. The code is required on POST and, "
        + "when given on PUT, must equal the path's code.")
record IndicatorInput(
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,47}", message = "must be 2 to 48 upper-case letters, digits or '_', starting with a letter") @Schema(examples = "PROJECTS_IN_PRODUCTION") String code,
        @NotBlank @Size(max = 32) @Schema(required = true, examples = "PROJECT_COOP") String track,
        @NotBlank @Size(max = 100) @Schema(required = true, examples = "投产合作项目数") String nameZh,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Cooperation projects in production") String nameEn,
        @NotBlank @Size(max = 16) @Schema(required = true, description = "Money is always CNY", examples = "个") String unit,
        @Schema(description = "Defaults to HIGHER_IS_BETTER") Direction direction,
        @NotNull @Schema(required = true) IndicatorSource source,
        @Valid @Schema(description = "Required when source is DERIVED, not allowed when REPORTED") Derivation derivation,
        @Schema(description = "Inactive indicators leave progress and take no new values; defaults to true") Boolean active,
        @Size(max = 1000) String description,
        @Schema(description = "How often the actual is reported: ANNUAL (the default; the year's actual only), or "
                + "also in HALF_YEAR (H1, H2) or QUARTER (Q1–Q4) progress reports; only a REPORTED indicator is "
                + "reported per period") ReportedPer reportedPer) {
}
