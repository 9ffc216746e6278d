package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.tandem.scoring.ScoringFunction.Breakpoint;
import org.tandem.scoring.ScoringFunction.Piecewise;
import org.tandem.scoring.ScoringFunction.Ratio;
import org.tandem.scoring.ScoringFunction.Step;

/** Readable schemes for the tests; each test states what differs from these. */
final class Fixtures {

    static final Set<String> TRACKS = Set.of("PROJECT_COOP", "CHAIN_COLLAB", "ORDERLY_TRANSFER", "INVEST_INFO",
            "DIGITAL_ASSIST", "FACTOR_RECIPROCITY");

    private Fixtures() {
    }

    static BigDecimal bd(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    static Ratio ratio(String cap) {
        return new Ratio(bd(cap));
    }

    static Step step(String threshold) {
        return new Step(bd(threshold));
    }

    /** {@code piecewise("0.6:0", "1.0:1")}: ratio:coefficient pairs. */
    static Piecewise piecewise(String... points) {
        return new Piecewise(Arrays.stream(points).map(p -> p.split(":"))
                .map(p -> new Breakpoint(bd(p[0]), bd(p[1]))).toList());
    }

    static IndicatorRule indicator(String code, String track, String points, ScoringFunction function) {
        return new IndicatorRule(code, track, bd(points), Direction.HIGHER_IS_BETTER, function, MissingRule.ZERO_POINTS);
    }

    /** Grades 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 ≥ 0; pass mark 60. */
    static List<GradeBand> standardBands() {
        return List.of(new GradeBand("EXCELLENT", "优秀", bd("90")), new GradeBand("GOOD", "良好", bd("80")),
                new GradeBand("PASS", "合格", bd("60")), new GradeBand("FAIL", "不合格", bd("0")));
    }

    static List<AdjustmentItem> standardItems() {
        return List.of(new AdjustmentItem("B1", AdjustmentKind.BONUS, "国家级试点", bd("2")),
                new AdjustmentItem("B2", AdjustmentKind.BONUS, "省领导批示肯定", bd("3")),
                new AdjustmentItem("D1", AdjustmentKind.DEDUCTION, "数据报送不及时", bd("5")),
                new AdjustmentItem("D2", AdjustmentKind.DEDUCTION, "项目推进滞后", bd("2")),
                new AdjustmentItem("V1", AdjustmentKind.VETO, "重大安全生产事故", bd("0")));
    }

    /**
     * Six tracks summing to 100, every function kind, the standard items (bonus cap 4, deduction
     * cap 6) and bands.
     */
    static SchemeBuilder fullScheme() {
        return new SchemeBuilder()
                .track("PROJECT_COOP", "25").track("CHAIN_COLLAB", "20").track("ORDERLY_TRANSFER", "15")
                .track("INVEST_INFO", "10").track("DIGITAL_ASSIST", "15").track("FACTOR_RECIPROCITY", "15")
                .indicator(indicator("P1", "PROJECT_COOP", "15", ratio("1.2")))
                .indicator(indicator("P2", "PROJECT_COOP", "10", step("1")))
                .indicator(indicator("C1", "CHAIN_COLLAB", "20", piecewise("0.6:0", "1.0:1")))
                .indicator(indicator("O1", "ORDERLY_TRANSFER", "15", ratio("1")))
                .indicator(indicator("I1", "INVEST_INFO", "10", ratio("1")))
                .indicator(new IndicatorRule("D1", "DIGITAL_ASSIST", bd("15"), Direction.LOWER_IS_BETTER,
                        ratio("1"), MissingRule.FULL_POINTS))
                .indicator(indicator("F1", "FACTOR_RECIPROCITY", "15", ratio("1")));
    }

    /** Registry of the indicators {@link #fullScheme()} uses, plus Z1 which it does not. */
    static Map<String, String> fullSchemeRegistry() {
        Map<String, String> registry = new LinkedHashMap<>();
        fullScheme().indicators.forEach(rule -> registry.put(rule.indicatorCode(), rule.trackCode()));
        registry.put("Z1", "DIGITAL_ASSIST");
        return registry;
    }

    /** One indicator worth all 100 points, target 100, so the actual is the base total. */
    static SchemeBuilder oneIndicatorScheme() {
        return new SchemeBuilder().track("PROJECT_COOP", "100")
                .indicator(indicator("P1", "PROJECT_COOP", "100", ratio("1")));
    }

    static Inputs baseTotal(String base, Adjustment... adjustments) {
        return new Inputs(Map.of("P1", bd("100")), Map.of("P1", bd(base)), List.of(adjustments));
    }

    /** Mutable on purpose: tests derive a broken scheme from a valid one in one line. */
    static final class SchemeBuilder {
        final List<TrackWeight> tracks = new ArrayList<>();
        final List<IndicatorRule> indicators = new ArrayList<>();
        final List<AdjustmentItem> items = new ArrayList<>(standardItems());
        BigDecimal bonusCap = bd("4");
        BigDecimal deductionCap = bd("6");
        final List<GradeBand> bands = new ArrayList<>(standardBands());
        BigDecimal passMark = bd("60");

        SchemeBuilder track(String code, String weight) {
            tracks.add(new TrackWeight(code, bd(weight)));
            return this;
        }

        SchemeBuilder weight(String code, String weight) {
            tracks.replaceAll(t -> t.trackCode().equals(code) ? new TrackWeight(code, bd(weight)) : t);
            return this;
        }

        SchemeBuilder indicator(IndicatorRule rule) {
            indicators.add(rule);
            return this;
        }

        SchemeBuilder change(String indicatorCode, UnaryOperator<IndicatorRule> change) {
            indicators.replaceAll(r -> r.indicatorCode().equals(indicatorCode) ? change.apply(r) : r);
            return this;
        }

        SchemeBuilder points(String indicatorCode, String points) {
            return change(indicatorCode, r -> new IndicatorRule(r.indicatorCode(), r.trackCode(), bd(points),
                    r.direction(), r.function(), r.missingRule()));
        }

        SchemeBuilder function(String indicatorCode, ScoringFunction function) {
            return change(indicatorCode, r -> new IndicatorRule(r.indicatorCode(), r.trackCode(), r.points(),
                    r.direction(), function, r.missingRule()));
        }

        SchemeBuilder all(Direction direction, MissingRule missingRule) {
            indicators.replaceAll(r -> new IndicatorRule(r.indicatorCode(), r.trackCode(), r.points(), direction,
                    r.function(), missingRule));
            return this;
        }

        ScoringScheme build() {
            return new ScoringScheme(tracks, indicators, items, bonusCap, deductionCap, bands, passMark);
        }
    }
}
