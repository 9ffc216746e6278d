package org.tandem.indicator;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ValuesInput", description = "A bulk write of targets or actuals of one pair-year. Listed items are "
        + "upserted, items not listed stay as they are, an item with value null removes that value.")
record ValuesInput(
        @NotNull @Size(max = 500) @Schema(required = true) List<@Valid @NotNull Item> items,
        @Size(max = 1000) @Schema(description = "Why; required when a value changes once the pair-year's actuals were ever submitted") String reason) {

    @Schema(name = "ValueItemInput")
    public record Item(
            @NotBlank @Size(max = 48) @Schema(required = true, examples = "LEAN_BENCHMARK_PROJECTS") String indicator,
            @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 16, fraction = 4, message = "must have at most 16 digits before and 4 after the point") @Schema(description = "At most 4 decimals, not negative; null removes the stored value", examples = "12.5") BigDecimal value) {
    }
}
