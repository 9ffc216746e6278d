package org.tandem.scheme;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.scoring.AdjustmentItem;
import org.tandem.scoring.AdjustmentKind;
import org.tandem.scoring.Direction;
import org.tandem.scoring.GradeBand;
import org.tandem.scoring.IndicatorRule;
import org.tandem.scoring.MissingRule;
import org.tandem.scoring.ScoringFunction;
import org.tandem.scoring.ScoringScheme;
import org.tandem.scoring.TrackWeight;

/**
 * The rules of a scoring scheme as clients write them and as they are stored: the JSON form of
 * {@link ScoringScheme}. Directions are copied from the indicator catalogue when the scheme is saved, so a
 * published scheme scores the same whatever later happens to the catalogue.
 */
@Schema(name = "SchemeRules")
public record SchemeRules(
        @NotNull @Size(min = 1, max = 20) @Schema(required = true, description = "Weights per track, summing to 100") List<@Valid @NotNull TrackWeightRule> tracks,
        @NotNull @Size(min = 1, max = 500) @Schema(required = true, description = "Points per indicator; within a track they sum to its weight") List<@Valid @NotNull IndicatorPoints> indicators,
        @Size(max = 100) @Schema(description = "Bonus (加分), deduction (扣分) and veto (一票否决) items") List<@Valid @NotNull AdjustmentRule> adjustmentItems,
        @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) @Schema(required = true, description = "Most bonus points in all") BigDecimal bonusCap,
        @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) @Schema(required = true, description = "Most deduction points in all") BigDecimal deductionCap,
        @Size(max = 10) @Schema(description = "Grade bands; default 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 below") List<@Valid @NotNull Band> gradeBands,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(description = "Lowest passing total; default 60") BigDecimal passMark) {

    static final List<Band> DEFAULT_BANDS = List.of(new Band("EXCELLENT", "优秀", BigDecimal.valueOf(90)),
            new Band("GOOD", "良好", BigDecimal.valueOf(80)), new Band("PASS", "合格", BigDecimal.valueOf(60)),
            new Band("FAIL", "不合格", BigDecimal.ZERO));
    static final BigDecimal DEFAULT_PASS_MARK = BigDecimal.valueOf(60);

    @Schema(name = "TrackWeightRule")
    public record TrackWeightRule(@NotBlank @Size(max = 32) @Schema(required = true, examples = "PROJECT_COOP") String track,
            @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) @Schema(required = true, examples = "20") BigDecimal weight) {
    }

    @Schema(name = "IndicatorPoints")
    public record IndicatorPoints(
            @NotBlank @Size(max = 48) @Schema(required = true, examples = "PROJECTS_IN_PRODUCTION") String indicator,
            @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) @Schema(required = true, examples = "10") BigDecimal points,
            @NotNull @Valid @Schema(required = true) FunctionRule function,
            @Schema(description = "When the target or actual is missing; default ZERO_POINTS") MissingRule missing,
            @Schema(description = "Copied from the catalogue when the scheme is saved") Direction direction) {
    }

    @Schema(name = "FunctionRule", description = "RATIO: points × min(ratio, cap). STEP: full points when ratio ≥ threshold."
            + " PIECEWISE: points × coefficient, linear between breakpoints. Ratio = actual / target, or target / actual when lower is better.")
    public record FunctionRule(@NotNull @Schema(required = true) FunctionType type,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 3, fraction = 4) @Schema(description = "RATIO only; default 1", examples = "1.2") BigDecimal cap,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 3, fraction = 4) @Schema(description = "STEP only; default 1", examples = "1") BigDecimal threshold,
            @Size(max = 20) @Schema(description = "PIECEWISE only") List<@Valid @NotNull Breakpoint> breakpoints) {
    }

    @Schema(name = "Breakpoint")
    public record Breakpoint(
            @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 4) @Schema(required = true) BigDecimal ratio,
            @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 4) @Schema(required = true) BigDecimal coefficient) {
    }

    public enum FunctionType {
        RATIO,
        STEP,
        PIECEWISE
    }

    @Schema(name = "AdjustmentRule")
    public record AdjustmentRule(@NotBlank @Size(max = 48) @Schema(required = true, examples = "JOINT_PARK") String code,
            @NotNull @Schema(required = true) AdjustmentKind kind,
            @NotBlank @Size(max = 200) @Schema(required = true, examples = "共建产业合作园区") String label,
            @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) @Schema(required = true, description = "Most points under this item; 0 for a veto") BigDecimal maxPoints) {
    }

    @Schema(name = "GradeBandRule")
    public record Band(@NotBlank @Size(max = 32) @Schema(required = true, examples = "EXCELLENT") String code,
            @NotBlank @Size(max = 32) @Schema(required = true, examples = "优秀") String label,
            @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) @Schema(required = true, examples = "90") BigDecimal minTotal) {
    }

    /** These rules with defaults filled in and each indicator's direction taken from the catalogue. */
    SchemeRules completed(java.util.Map<String, Direction> catalogueDirections) {
        List<IndicatorPoints> withDirections = indicators.stream()
                .map(i -> new IndicatorPoints(i.indicator(), i.points(), i.function(),
                        i.missing() == null ? MissingRule.ZERO_POINTS : i.missing(),
                        i.direction() != null ? i.direction()
                                : catalogueDirections.getOrDefault(i.indicator(), Direction.HIGHER_IS_BETTER)))
                .toList();
        return new SchemeRules(tracks, withDirections, adjustmentItems == null ? List.of() : adjustmentItems,
                bonusCap, deductionCap, gradeBands == null || gradeBands.isEmpty() ? DEFAULT_BANDS : gradeBands,
                passMark == null ? DEFAULT_PASS_MARK : passMark);
    }

    /** The engine's form of these (completed) rules; trackOf maps indicator code to its catalogue track. */
    public ScoringScheme toEngine(java.util.Map<String, String> trackOf) {
        return new ScoringScheme(
                tracks.stream().map(t -> new TrackWeight(t.track(), t.weight())).toList(),
                indicators.stream().map(i -> new IndicatorRule(i.indicator(),
                        trackOf.getOrDefault(i.indicator(), "?"), i.points(), i.direction(), function(i.function()),
                        i.missing())).toList(),
                adjustmentItems.stream()
                        .map(a -> new AdjustmentItem(a.code(), a.kind(), a.label(), a.maxPoints())).toList(),
                bonusCap, deductionCap,
                gradeBands.stream().map(b -> new GradeBand(b.code(), b.label(), b.minTotal())).toList(), passMark);
    }

    private static ScoringFunction function(FunctionRule rule) {
        return switch (rule.type()) {
            case RATIO -> new ScoringFunction.Ratio(rule.cap() == null ? BigDecimal.ONE : rule.cap());
            case STEP -> new ScoringFunction.Step(rule.threshold() == null ? BigDecimal.ONE : rule.threshold());
            case PIECEWISE -> new ScoringFunction.Piecewise(rule.breakpoints() == null ? List.of()
                    : rule.breakpoints().stream()
                            .map(b -> new ScoringFunction.Breakpoint(b.ratio(), b.coefficient())).toList());
        };
    }
}
