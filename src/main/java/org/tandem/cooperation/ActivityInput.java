package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.web.DateRange;

@Schema(name = "ActivityInput")
public record ActivityInput(
        @NotBlank @Size(max = 32) @Schema(required = true, examples = "DIGITAL_ASSIST") String track,
        @NotNull @Schema(required = true) ActivityKind kind,
        @NotNull @DateRange(pastOrToday = true) @Schema(required = true, description = DateRange.UP_TO_TODAY, examples = "2024-03-15") LocalDate heldOn,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "精益管理诊断") String title,
        @Min(0) @Max(1_000_000) @Schema(description = "People taking part") Integer participants,
        @Min(0) @Max(1_000_000) @Schema(description = "Enterprises involved, e.g. diagnosed", examples = "40") Integer enterprises,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) @Schema(description = "CNY, e.g. of a signed agreement") BigDecimal amount,
        @Size(max = 2000) String description) {
}
