package org.tandem.registry;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgramInput", description = "A program as clients write it. On PUT the code may be left out; it cannot change.")
public record ProgramInput(
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}", message = "must be 2 to 32 upper-case letters, digits or '-'") @Schema(examples = "ZJ-MFG-2023") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "制造业高质量发展结对促共富示范创建", required = true) String name,
        @NotNull @Min(2000) @Max(2100) @Schema(examples = "2023", required = true) Integer startYear,
        @NotNull @Min(2000) @Max(2100) @Schema(examples = "2025", required = true) Integer endYear,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) @Schema(description = "CNY per year, at most 2 decimals", examples = "1800000000") BigDecimal annualBudget) {
}
