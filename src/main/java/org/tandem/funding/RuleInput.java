package org.tandem.funding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AllocationRuleInput", description = "An allocation rule version as clients write it; its programme and year are those of the path it is created under")
record RuleInput(
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "2024年度资金分配规则") String name,
        @Size(max = 2000) String description,
        @Schema(description = "Marks an illustrative rule that is not the official one") Boolean example,
        @NotNull @Valid @Schema(required = true) AllocationTerms terms) {
}
