package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.web.DateRange;

@Schema(name = "ParkInput")
public record ParkInput(
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "南湖遂昌竹产业共富产业园") String name,
        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") @Schema(required = true, description = "One of the pair's two counties", examples = "331123") String hostCounty,
        @DateRange @Schema(description = DateRange.IN_RANGE, examples = "2024-03-01") LocalDate establishedOn,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) @Schema(description = "Area in mu (亩)") BigDecimal areaMu,
        @Size(max = 200) @Schema(examples = "竹产业") String focusIndustry) {
}
