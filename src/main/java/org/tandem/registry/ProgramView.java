package org.tandem.registry;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Program")
public record ProgramView(
        @Schema(required = true, examples = "ZJ-MFG-2023") String code,
        @Schema(required = true) String name,
        @Schema(required = true) int startYear,
        @Schema(required = true) int endYear,
        @Schema(description = "CNY per year") BigDecimal annualBudget) {

    public static ProgramView of(Program program) {
        return new ProgramView(program.code, program.name, program.startYear, program.endYear, program.annualBudget);
    }
}
