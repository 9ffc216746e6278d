package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The score as a pure function of (scheme, targets, actuals, adjustments). Rounding follows
 * {@link Rounding}; the order of the steps is:
 * <ol>
 * <li>each indicator gets a ratio and a coefficient from its function, or its {@link MissingRule};</li>
 * <li>EXCLUDEd indicators hand their points to the rest of their track (and an emptied track its
 * weight to the other tracks), split by {@link Apportionment} so the max points still add up to 100;</li>
 * <li>indicator points = max points × coefficient, rounded to 2 decimals; track points and the base
 * total are sums of those;</li>
 * <li>bonuses and deductions are capped per item, then by the scheme's total caps, in input order;</li>
 * <li>total = max(0, base + bonus − deduction) rounded to 1 decimal; grade and pass/fail use it;</li>
 * <li>any veto puts the pair in the lowest band and fails it, whatever the total.</li>
 * </ol>
 */
public final class Scorer {

    /**
     * The ratio's denominator is 0 (target 0 for HIGHER_IS_BETTER, actual 0 for LOWER_IS_BETTER).
     * That is data, not a gap, so {@link MissingRule} does not apply: a pair that planned nothing, or
     * reached the best possible 0, must not lose points because of how a ratio is formed.
     */
    public static final String ZERO_DENOMINATOR_RULE = "a zero denominator (target 0 when higher is better, "
            + "actual 0 when lower is better) counts as the target met with unbounded ratio when the numerator "
            + "is >= 0: the function's saturated coefficient applies (RATIO: its cap; STEP: full points; "
            + "PIECEWISE: the last breakpoint's coefficient); with a negative numerator the ratio is 0. "
            + "The missing rule applies only to absent values. Negative ratios are floored at 0.";

    private Scorer() {
    }

    /**
     * @throws IllegalArgumentException when the scheme is not self-consistent (see
     *         {@link SchemeValidator}; its own tracks and indicators are taken as known), an adjustment
     *         names an item the scheme does not list, or a veto carries points
     */
    public static ScoreResult score(ScoringScheme scheme, Inputs inputs) {
        return under(scheme).apply(inputs);
    }

    /**
     * Checks the scheme once and returns the score under it as a function of the inputs, for scoring many
     * pairs under one scheme: {@code under(scheme).apply(inputs)} is {@code score(scheme, inputs)}.
     *
     * @throws IllegalArgumentException when the scheme is not self-consistent (at once; an adjustment naming an
     *         item the scheme does not list, or a veto carrying points, when the function is applied)
     */
    public static Function<Inputs, ScoreResult> under(ScoringScheme scheme) {
        requireConsistent(scheme);
        // The max points depend on the scheme and on which indicators are excluded, nothing else: worked out once
        // per set of excluded indicators (usually only the empty one), not once per pair. The function may be
        // applied on several threads at once.
        Map<Set<String>, Map<String, BigDecimal>> maxPointsByExcluded = new ConcurrentHashMap<>();
        return inputs -> scoreConsistent(scheme, inputs, maxPointsByExcluded);
    }

    private static ScoreResult scoreConsistent(ScoringScheme scheme, Inputs inputs,
            Map<Set<String>, Map<String, BigDecimal>> maxPointsByExcluded) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Set<String> excluded = new HashSet<>();
        for (IndicatorRule rule : scheme.indicators()) {
            Outcome outcome = evaluate(rule, inputs.targets().get(rule.indicatorCode()),
                    inputs.actuals().get(rule.indicatorCode()));
            outcomes.put(rule.indicatorCode(), outcome);
            if (outcome.excluded()) {
                excluded.add(rule.indicatorCode());
            }
        }
        Map<String, BigDecimal> maxPoints = maxPointsByExcluded.computeIfAbsent(Set.copyOf(excluded),
                key -> maxPoints(scheme, outcomes));

        List<IndicatorScore> indicatorScores = new ArrayList<>();
        Map<String, BigDecimal> trackPoints = new HashMap<>();
        Map<String, BigDecimal> trackMaxPoints = new HashMap<>();
        for (IndicatorRule rule : scheme.indicators()) {
            Outcome outcome = outcomes.get(rule.indicatorCode());
            BigDecimal max = maxPoints.get(rule.indicatorCode());
            BigDecimal points = outcome.excluded() ? Rounding.points(BigDecimal.ZERO)
                    : Rounding.points(max.multiply(outcome.coefficient()));
            String text = outcome.explanation().apply(new Earned(max, points));
            if (!outcome.excluded() && max.compareTo(rule.points()) != 0) {
                text += "; max points " + Rounding.points(rule.points()).toPlainString() + " → "
                        + max.toPlainString() + " after EXCLUDE redistribution";
            }
            indicatorScores.add(new IndicatorScore(rule.indicatorCode(), rule.trackCode(),
                    inputs.targets().get(rule.indicatorCode()), inputs.actuals().get(rule.indicatorCode()),
                    outcome.ratio(), max, points, outcome.excluded(), text));
            trackPoints.merge(rule.trackCode(), points, BigDecimal::add);
            trackMaxPoints.merge(rule.trackCode(), max, BigDecimal::add);
        }

        BigDecimal zeroPoints = Rounding.points(BigDecimal.ZERO);
        List<TrackScore> trackScores = scheme.tracks().stream()
                .map(track -> new TrackScore(track.trackCode(), track.weight(),
                        trackMaxPoints.getOrDefault(track.trackCode(), zeroPoints),
                        trackPoints.getOrDefault(track.trackCode(), zeroPoints)))
                .toList();
        BigDecimal baseTotal = trackScores.stream().map(TrackScore::points).reduce(zeroPoints, BigDecimal::add);

        Adjustments adjustments = applyAdjustments(scheme, inputs.adjustments());
        BigDecimal total = Rounding.total(baseTotal.add(adjustments.bonusTotal())
                .subtract(adjustments.deductionTotal()).max(BigDecimal.ZERO));
        boolean vetoed = !adjustments.vetoReasons().isEmpty();
        List<GradeBand> bands = scheme.gradeBands();
        GradeBand grade = vetoed ? bands.get(bands.size() - 1)
                : bands.stream().filter(band -> total.compareTo(band.minTotal()) >= 0).findFirst().orElseThrow();
        boolean passed = !vetoed && total.compareTo(scheme.passMark()) >= 0;

        return new ScoreResult(indicatorScores, trackScores, baseTotal, adjustments.bonusTotal(),
                adjustments.deductionTotal(), adjustments.applied(), total, grade, passed, vetoed,
                adjustments.vetoReasons());
    }

    // Scoring an inconsistent scheme would produce totals nobody can explain; the service validates
    // against the registry first, this is the last line.
    private static void requireConsistent(ScoringScheme scheme) {
        List<Violation> violations = SchemeValidator.validate(scheme,
                scheme.tracks().stream().map(TrackWeight::trackCode).collect(Collectors.toSet()),
                scheme.indicators().stream().collect(Collectors.toMap(IndicatorRule::indicatorCode,
                        IndicatorRule::trackCode, (first, second) -> first)));
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("invalid scoring scheme: " + violations.stream()
                    .map(v -> v.path() + ": " + v.message()).collect(Collectors.joining("; ")));
        }
    }

    private record Earned(BigDecimal maxPoints, BigDecimal points) {
    }

    /** coefficient is null when excluded; explanation gets the final max points and points. */
    private record Outcome(BigDecimal ratio, BigDecimal coefficient, Function<Earned, String> explanation) {
        boolean excluded() {
            return coefficient == null;
        }
    }

    private static Outcome evaluate(IndicatorRule rule, BigDecimal target, BigDecimal actual) {
        if (target == null || actual == null) {
            String what = target == null && actual == null ? "missing target and actual"
                    : target == null ? "missing target" : "missing actual";
            String text = what + ": " + rule.missingRule();
            return switch (rule.missingRule()) {
                case ZERO_POINTS -> new Outcome(null, BigDecimal.ZERO, earned -> text);
                case FULL_POINTS -> new Outcome(null, BigDecimal.ONE, earned -> text);
                case EXCLUDE -> new Outcome(null, null, earned -> text + " (points go to the track's other indicators)");
            };
        }
        boolean higher = rule.direction() == Direction.HIGHER_IS_BETTER;
        BigDecimal numerator = higher ? actual : target;
        BigDecimal denominator = higher ? target : actual;
        ScoringFunction function = rule.function();
        String prefix = "";
        BigDecimal ratio;
        if (denominator.signum() == 0) {
            String zero = higher ? "target 0" : "actual 0";
            if (numerator.signum() >= 0) {
                BigDecimal coefficient = function.saturatedCoefficient();
                return new Outcome(null, coefficient, earned -> zero + ": target met, " + function.code()
                        + " saturated: " + earned.maxPoints().toPlainString() + " × " + coefficient.toPlainString()
                        + " = " + earned.points().toPlainString());
            }
            prefix = zero + " with negative " + (higher ? "actual" : "target") + ": ratio 0; ";
            ratio = Rounding.ratio(BigDecimal.ZERO, BigDecimal.ONE);
        } else {
            BigDecimal raw = Rounding.ratio(numerator, denominator);
            if (raw.signum() < 0) {
                prefix = "negative ratio " + raw.toPlainString() + " floored at 0; ";
            }
            ratio = raw.max(Rounding.ratio(BigDecimal.ZERO, BigDecimal.ONE));
        }
        String because = prefix;
        BigDecimal usedRatio = ratio;
        return new Outcome(ratio, function.coefficient(ratio),
                earned -> because + function.explain(earned.maxPoints(), usedRatio, earned.points()));
    }

    private static Map<String, BigDecimal> maxPoints(ScoringScheme scheme, Map<String, Outcome> outcomes) {
        Map<String, List<IndicatorRule>> rulesByTrack = scheme.indicators().stream()
                .collect(Collectors.groupingBy(IndicatorRule::trackCode));
        List<BigDecimal> activeWeights = scheme.tracks().stream()
                .map(track -> rulesByTrack.getOrDefault(track.trackCode(), List.of()).stream()
                        .anyMatch(rule -> !outcomes.get(rule.indicatorCode()).excluded()) ? track.weight() : BigDecimal.ZERO)
                .toList();
        BigDecimal allWeight = scheme.tracks().stream().map(TrackWeight::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> trackMax = Apportionment.split(allWeight, activeWeights);

        Map<String, BigDecimal> maxPoints = new HashMap<>();
        for (int t = 0; t < scheme.tracks().size(); t++) {
            List<IndicatorRule> rules = rulesByTrack.getOrDefault(scheme.tracks().get(t).trackCode(), List.of());
            List<BigDecimal> indicatorMax = Apportionment.split(trackMax.get(t), rules.stream()
                    .map(rule -> outcomes.get(rule.indicatorCode()).excluded() ? BigDecimal.ZERO : rule.points())
                    .toList());
            for (int i = 0; i < rules.size(); i++) {
                maxPoints.put(rules.get(i).indicatorCode(), indicatorMax.get(i));
            }
        }
        return Collections.unmodifiableMap(maxPoints);
    }

    private record Adjustments(BigDecimal bonusTotal, BigDecimal deductionTotal, List<AppliedAdjustment> applied,
            List<String> vetoReasons) {
    }

    private static Adjustments applyAdjustments(ScoringScheme scheme, List<Adjustment> adjustments) {
        Map<String, AdjustmentItem> items = scheme.adjustmentItems().stream()
                .collect(Collectors.toMap(AdjustmentItem::code, item -> item));
        Map<String, BigDecimal> usedPerItem = new HashMap<>();
        BigDecimal bonus = BigDecimal.ZERO;
        BigDecimal deduction = BigDecimal.ZERO;
        List<AppliedAdjustment> applied = new ArrayList<>();
        List<String> vetoReasons = new ArrayList<>();
        for (Adjustment adjustment : adjustments) {
            AdjustmentItem item = items.get(adjustment.itemCode());
            if (item == null) {
                throw new IllegalArgumentException("unknown adjustment item " + adjustment.itemCode());
            }
            if (item.kind() == AdjustmentKind.VETO) {
                if (adjustment.points().signum() != 0) {
                    throw new IllegalArgumentException("veto " + item.code() + " must carry 0 points, carries "
                            + adjustment.points().toPlainString());
                }
                vetoReasons.add(item.code() + ": " + adjustment.reason());
                applied.add(new AppliedAdjustment(item.code(), item.kind(), adjustment.points(), adjustment.points(),
                        adjustment.reason(), AppliedAdjustment.CappedBy.NONE));
                continue;
            }
            boolean isBonus = item.kind() == AdjustmentKind.BONUS;
            BigDecimal used = isBonus ? bonus : deduction;
            BigDecimal cap = isBonus ? scheme.bonusCap() : scheme.deductionCap();
            BigDecimal itemRoom = item.maxPointsPerItem().subtract(usedPerItem.getOrDefault(item.code(), BigDecimal.ZERO));
            BigDecimal afterItemCap = adjustment.points().min(itemRoom);
            BigDecimal points = afterItemCap.min(cap.subtract(used));
            AppliedAdjustment.CappedBy cappedBy = points.compareTo(afterItemCap) < 0 ? AppliedAdjustment.CappedBy.TOTAL_CAP
                    : afterItemCap.compareTo(adjustment.points()) < 0 ? AppliedAdjustment.CappedBy.ITEM_CAP
                            : AppliedAdjustment.CappedBy.NONE;
            usedPerItem.merge(item.code(), points, BigDecimal::add);
            if (isBonus) {
                bonus = bonus.add(points);
            } else {
                deduction = deduction.add(points);
            }
            applied.add(new AppliedAdjustment(item.code(), item.kind(), adjustment.points(), points,
                    adjustment.reason(), cappedBy));
        }
        return new Adjustments(bonus, deduction, applied, vetoReasons);
    }
}
