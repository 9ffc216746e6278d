package org.tandem.funding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;

/** What an allocation rule says: how a programme-year's total is split among its pairs ({@link Split}). */
@Schema(name = "AllocationTerms", description = "How a programme-year's total is split: a base share per pair, a merit share by grade coefficient, an optional cap per pair and side split, and the clawback for pairs below the pass mark")
record AllocationTerms(
        @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) @Schema(required = true, description = "CNY to allocate in the year, at most 2 decimals", examples = "1800000000") BigDecimal total,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) @Schema(required = true, description = "Percent of the total shared equally by the pairs eligible for the base (rounded down to the fen); the rest is the merit pool", examples = "40") BigDecimal basePercent,
        @NotNull @Size(min = 1, max = 20) @Schema(required = true, description = "The merit pool is shared in proportion to the coefficient of each pair's grade (the scheme's grade codes); every grade an assessment has needs one") List<@Valid @NotNull GradeCoefficient> gradeCoefficients,
        @Schema(description = "Whether a pair below the pass mark still gets the base share; default false") Boolean failedKeepsBase,
        @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) @Schema(description = "At most this much per pair; the excess is shared again among the others by coefficient, and what nobody can take is the reserve") BigDecimal capPerPair,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) @Schema(description = "When given, each pair's amount is split: the mountain county this percent (rounded down to the fen), the industrial county the rest") BigDecimal mountainPercent,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) @Schema(required = true, description = "A clawback from a pair whose finalized assessment is below the pass mark takes at most this percent of its net allocation of the year (rounded down to the fen)", examples = "100") BigDecimal clawbackPercent) {

    @Schema(name = "GradeCoefficient")
    record GradeCoefficient(
            @NotBlank @Size(max = 32) @Schema(required = true, examples = "EXCELLENT") String grade,
            @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 4) @Schema(required = true, examples = "1.5") BigDecimal coefficient) {
    }

    /** Checks what the annotations cannot: each grade once. */
    AllocationTerms checked() {
        Set<String> seen = new HashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < gradeCoefficients.size(); i++) {
            if (!seen.add(gradeCoefficients.get(i).grade())) {
                errors.add(new Problem.FieldError("terms.gradeCoefficients[" + i + "].grade",
                        "grade " + gradeCoefficients.get(i).grade() + " is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return this;
    }

    Map<String, BigDecimal> coefficients() {
        Map<String, BigDecimal> byGrade = new LinkedHashMap<>();
        gradeCoefficients.forEach(g -> byGrade.put(g.grade(), g.coefficient()));
        return byGrade;
    }

    Split.Terms split() {
        return new Split.Terms(total, basePercent, coefficients(), Boolean.TRUE.equals(failedKeepsBase), capPerPair,
                mountainPercent);
    }
}
