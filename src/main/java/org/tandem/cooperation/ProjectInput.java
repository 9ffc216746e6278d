package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.web.DateRange;

@Schema(name = "ProjectInput", description = "A cooperation project as clients write it. Its status moves only through transitions.")
public record ProjectInput(
        @NotBlank @Size(max = 32) @Schema(required = true, examples = "PROJECT_COOP") String track,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "环龙新材料一期") String title,
        @Size(max = 200) @Schema(examples = "浙江环龙新材料有限公司") String leadEnterprise,
        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") @Schema(required = true, description = "One of the pair's two counties", examples = "331102") String hostCounty,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) @Schema(description = "CNY") BigDecimal investment,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) @Schema(description = "CNY a year at full capacity", examples = "1500000000") BigDecimal expectedAnnualOutput,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) @Schema(description = "CNY a year at full capacity", examples = "100000000") BigDecimal expectedAnnualTax,
        @NotNull @DateRange(pastOrToday = true) @Schema(required = true, description = "When the project was planned (its first step). "
                + DateRange.UP_TO_TODAY, examples = "2023-09-01") LocalDate plannedOn,
        @Size(max = 2000) String description) {
}
