package org.tandem.indicator;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApprovalChain", description = "A program's approval chain for its pair-years' actuals, lowest level "
        + "first. The default is [PROVINCE]: a county submits, an assessor approves.")
record ApprovalChainView(
        @Schema(required = true) String program,
        @Schema(required = true) List<ApprovalLevel> levels,
        @Schema(required = true, description = "True while the program has not set a chain of its own") boolean isDefault) {

    @Schema(name = "ApprovalChainInput")
    record Input(
            @NotNull @Size(min = 1, max = 3) @Schema(required = true, description = "Upward, without repeats, ending "
                    + "with PROVINCE", examples = "[\"PAIR_COUNTIES\", \"CITY\", \"PROVINCE\"]") List<@NotNull ApprovalLevel> levels) {
    }
}
