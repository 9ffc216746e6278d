package org.tandem.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.scoring.Fixtures.bd;
import static org.tandem.scoring.Fixtures.piecewise;
import static org.tandem.scoring.Fixtures.ratio;
import static org.tandem.scoring.Fixtures.step;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class IndicatorScoringTest {

    private static final Direction HIGHER = Direction.HIGHER_IS_BETTER;
    private static final Direction LOWER = Direction.LOWER_IS_BETTER;

    /** X is worth 40 points in PROJECT_COOP; FILL takes the other 60 so the scheme is valid. */
    private static IndicatorScore scoreX(ScoringFunction function, Direction direction, MissingRule missingRule,
            String target, String actual) {
        ScoringScheme scheme = new Fixtures.SchemeBuilder()
                .track("PROJECT_COOP", "40").track("CHAIN_COLLAB", "60")
                .indicator(new IndicatorRule("X", "PROJECT_COOP", bd("40"), direction, function, missingRule))
                .indicator(Fixtures.indicator("FILL", "CHAIN_COLLAB", "60", ratio("1")))
                .build();
        Map<String, BigDecimal> targets = new HashMap<>(Map.of("FILL", BigDecimal.ONE));
        Map<String, BigDecimal> actuals = new HashMap<>(Map.of("FILL", BigDecimal.ONE));
        if (target != null) {
            targets.put("X", bd(target));
        }
        if (actual != null) {
            actuals.put("X", bd(actual));
        }
        ScoreResult result = Scorer.score(scheme, new Inputs(targets, actuals, List.of()));
        return result.indicators().get(0);
    }

    static Stream<Arguments> functions() {
        return Stream.of(
                // function, direction, target, actual, ratio, points, rule
                Arguments.of(ratio("1.2"), HIGHER, "100", "75", "0.750000", "30.00",
                        "RATIO: 40.00 × min(0.750000, 1.2) = 30.00"),
                Arguments.of(ratio("1.2"), HIGHER, "100", "120", "1.200000", "48.00",
                        "RATIO: 40.00 × min(1.200000, 1.2) = 48.00"),
                Arguments.of(ratio("1.2"), HIGHER, "100", "150", "1.500000", "48.00",
                        "RATIO: 40.00 × min(1.500000, 1.2) = 48.00"),
                Arguments.of(ratio("1.0"), HIGHER, "100", "130", "1.300000", "40.00",
                        "RATIO: 40.00 × min(1.300000, 1.0) = 40.00"),
                // ratio 2/3 rounds HALF_UP at 6 decimals, then 40 × 0.666667 = 26.66668 → 26.67
                Arguments.of(ratio("1"), HIGHER, "3", "2", "0.666667", "26.67",
                        "RATIO: 40.00 × min(0.666667, 1) = 26.67"),
                // 40 × 0.000125 = 0.005 exactly: HALF_UP gives 0.01 where HALF_EVEN would give 0.00
                Arguments.of(ratio("1"), HIGHER, "8000", "1", "0.000125", "0.01",
                        "RATIO: 40.00 × min(0.000125, 1) = 0.01"),
                Arguments.of(ratio("1.2"), LOWER, "0.5", "0.625", "0.800000", "32.00",
                        "RATIO: 40.00 × min(0.800000, 1.2) = 32.00"),
                Arguments.of(ratio("1.2"), LOWER, "0.5", "0.4", "1.250000", "48.00",
                        "RATIO: 40.00 × min(1.250000, 1.2) = 48.00"),
                Arguments.of(ratio("1.2"), HIGHER, "100", "-5", "0.000000", "0.00",
                        "negative ratio -0.050000 floored at 0; RATIO: 40.00 × min(0.000000, 1.2) = 0.00"),
                Arguments.of(step("0.9"), HIGHER, "100", "89.99", "0.899900", "0.00",
                        "STEP: 0.899900 < 0.9 → 0.00 of 40.00"),
                Arguments.of(step("0.9"), HIGHER, "100", "90", "0.900000", "40.00",
                        "STEP: 0.900000 ≥ 0.9 → 40.00 of 40.00"),
                Arguments.of(step("0.9"), HIGHER, "100", "300", "3.000000", "40.00",
                        "STEP: 3.000000 ≥ 0.9 → 40.00 of 40.00"),
                Arguments.of(step("1"), LOWER, "10", "11", "0.909091", "0.00",
                        "STEP: 0.909091 < 1 → 0.00 of 40.00"),
                Arguments.of(piecewise("0.6:0", "0.8:0.6", "1.0:1", "1.2:1.1"), HIGHER, "100", "50", "0.500000",
                        "0.00", "PIECEWISE: 40.00 × f(0.500000) = 40.00 × 0.000000 = 0.00"),
                Arguments.of(piecewise("0.6:0", "0.8:0.6", "1.0:1", "1.2:1.1"), HIGHER, "100", "70", "0.700000",
                        "12.00", "PIECEWISE: 40.00 × f(0.700000) = 40.00 × 0.300000 = 12.00"),
                Arguments.of(piecewise("0.6:0", "0.8:0.6", "1.0:1", "1.2:1.1"), HIGHER, "100", "80", "0.800000",
                        "24.00", "PIECEWISE: 40.00 × f(0.800000) = 40.00 × 0.600000 = 24.00"),
                Arguments.of(piecewise("0.6:0", "0.8:0.6", "1.0:1", "1.2:1.1"), HIGHER, "100", "85", "0.850000",
                        "28.00", "PIECEWISE: 40.00 × f(0.850000) = 40.00 × 0.700000 = 28.00"),
                Arguments.of(piecewise("0.6:0", "0.8:0.6", "1.0:1", "1.2:1.1"), HIGHER, "100", "110", "1.100000",
                        "42.00", "PIECEWISE: 40.00 × f(1.100000) = 40.00 × 1.050000 = 42.00"),
                Arguments.of(piecewise("0.6:0", "0.8:0.6", "1.0:1", "1.2:1.1"), HIGHER, "100", "150", "1.500000",
                        "44.00", "PIECEWISE: 40.00 × f(1.500000) = 40.00 × 1.100000 = 44.00"),
                // below the first breakpoint the first coefficient holds, even when it is not 0
                Arguments.of(piecewise("0.5:0.2", "1:1"), HIGHER, "100", "30", "0.300000", "8.00",
                        "PIECEWISE: 40.00 × f(0.300000) = 40.00 × 0.200000 = 8.00"),
                // LOWER: ratio 10 / 14 = 0.714286; 0.2 + 0.8 × (0.714286 − 0.5) / 0.5 = 0.5428576 → 0.542858;
                // 40 × 0.542858 = 21.71432 → 21.71
                Arguments.of(piecewise("0.5:0.2", "1:1"), LOWER, "10", "14", "0.714286", "21.71",
                        "PIECEWISE: 40.00 × f(0.714286) = 40.00 × 0.542858 = 21.71"));
    }

    @ParameterizedTest(name = "{0} {1} target {2} actual {3} → {5}")
    @MethodSource("functions")
    void scoresEachFunction(ScoringFunction function, Direction direction, String target, String actual,
            String ratio, String points, String rule) {
        IndicatorScore score = scoreX(function, direction, MissingRule.ZERO_POINTS, target, actual);

        assertEquals(bd(ratio), score.ratio());
        assertEquals(bd(points), score.points());
        assertEquals(bd("40.00"), score.maxPoints());
        assertEquals(rule, score.rule());
        assertFalse(score.excluded());
    }

    @ParameterizedTest(name = "{0}: target {1} actual {2} → {3}")
    @CsvSource(nullValues = "null", value = {
            // missing rule, target, actual, points, max points, excluded, rule
            "ZERO_POINTS, null, 80,   0.00,  40.00, false, missing target: ZERO_POINTS",
            "ZERO_POINTS, 100,  null, 0.00,  40.00, false, missing actual: ZERO_POINTS",
            "ZERO_POINTS, null, null, 0.00,  40.00, false, missing target and actual: ZERO_POINTS",
            "FULL_POINTS, null, 80,   40.00, 40.00, false, missing target: FULL_POINTS",
            "FULL_POINTS, 100,  null, 40.00, 40.00, false, missing actual: FULL_POINTS",
            "FULL_POINTS, null, null, 40.00, 40.00, false, missing target and actual: FULL_POINTS",
            "EXCLUDE,     null, 80,   0.00,  0.00,  true,  missing target: EXCLUDE (points go to the track's other indicators)",
            "EXCLUDE,     100,  null, 0.00,  0.00,  true,  missing actual: EXCLUDE (points go to the track's other indicators)",
    })
    void appliesTheMissingRuleToAbsentValues(MissingRule missingRule, String target, String actual, String points,
            String maxPoints, boolean excluded, String rule) {
        IndicatorScore score = scoreX(ratio("1.2"), HIGHER, missingRule, target, actual);

        assertNull(score.ratio());
        assertEquals(bd(points), score.points());
        assertEquals(bd(maxPoints), score.maxPoints());
        assertEquals(excluded, score.excluded());
        assertEquals(rule, score.rule());
    }

    static Stream<Arguments> zeroDenominators() {
        List<Arguments> cases = List.of(
                // function, direction, target, actual, ratio, points, rule
                Arguments.of(ratio("1.2"), HIGHER, "0", "0", null, "48.00",
                        "target 0: target met, RATIO saturated: 40.00 × 1.2 = 48.00"),
                Arguments.of(ratio("1.2"), HIGHER, "0", "7", null, "48.00",
                        "target 0: target met, RATIO saturated: 40.00 × 1.2 = 48.00"),
                Arguments.of(ratio("1.2"), HIGHER, "0", "-1", "0.000000", "0.00",
                        "target 0 with negative actual: ratio 0; RATIO: 40.00 × min(0.000000, 1.2) = 0.00"),
                Arguments.of(ratio("1.2"), LOWER, "0.5", "0", null, "48.00",
                        "actual 0: target met, RATIO saturated: 40.00 × 1.2 = 48.00"),
                Arguments.of(ratio("1"), LOWER, "0", "0", null, "40.00",
                        "actual 0: target met, RATIO saturated: 40.00 × 1 = 40.00"),
                // a target of 0 against a positive actual is not a zero denominator when lower is better
                Arguments.of(ratio("1"), LOWER, "0", "3", "0.000000", "0.00",
                        "RATIO: 40.00 × min(0.000000, 1) = 0.00"),
                Arguments.of(step("0.9"), HIGHER, "0", "0", null, "40.00",
                        "target 0: target met, STEP saturated: 40.00 × 1 = 40.00"),
                Arguments.of(piecewise("0.6:0", "1:0.9"), HIGHER, "0", "2", null, "36.00",
                        "target 0: target met, PIECEWISE saturated: 40.00 × 0.9 = 36.00"),
                Arguments.of(piecewise("0.5:0.2", "1:1"), HIGHER, "0", "-3", "0.000000", "8.00",
                        "target 0 with negative actual: ratio 0; PIECEWISE: 40.00 × f(0.000000) = 40.00 × 0.200000 = 8.00"));
        // The missing rule must make no difference: a zero is data, not a gap.
        return cases.stream().flatMap(c -> Arrays.stream(MissingRule.values())
                .map(missingRule -> Arguments.of(concat(c.get(), missingRule))));
    }

    private static Object[] concat(Object[] values, Object last) {
        Object[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    @ParameterizedTest(name = "{0} {1} target {2} actual {3} with {7} → {5}")
    @MethodSource("zeroDenominators")
    void scoresZeroDenominatorsByDeclaredRuleWhateverTheMissingRule(ScoringFunction function, Direction direction,
            String target, String actual, String ratio, String points, String rule, MissingRule missingRule) {
        IndicatorScore score = scoreX(function, direction, missingRule, target, actual);

        assertEquals(bd(ratio), score.ratio());
        assertEquals(bd(points), score.points());
        assertEquals(rule, score.rule());
        assertFalse(score.excluded());
    }

    /**
     * PROJECT_COOP 40 = A 10 + B 10 + C 10 + E 10; CHAIN_COLLAB 60 = D 60. Every indicator fully met
     * unless excluded (no actual, missing rule EXCLUDE); A reaches half its target when marked "A½".
     */
    @ParameterizedTest(name = "exclude [{0}] → max points {1}")
    @CsvSource(delimiter = '|', value = {
            // excluded | max points A;B;C;E;D | points A;B;C;E;D | track max PROJECT_COOP;CHAIN_COLLAB | base total
            "         | 10.00;10.00;10.00;10.00;60.00 | 10.00;10.00;10.00;10.00;60.00 | 40.00;60.00 | 100.00",
            // the cent that 3 × 13.33 leaves over goes to the first of equal remainders
            "E        | 13.34;13.33;13.33;0.00;60.00  | 13.34;13.33;13.33;0.00;60.00  | 40.00;60.00 | 100.00",
            "E A½     | 13.34;13.33;13.33;0.00;60.00  | 6.67;13.33;13.33;0.00;60.00   | 40.00;60.00 | 93.33",
            "A B      | 0.00;0.00;20.00;20.00;60.00   | 0.00;0.00;20.00;20.00;60.00   | 40.00;60.00 | 100.00",
            // a track left with nothing to score hands its weight to the other tracks
            "A B C E  | 0.00;0.00;0.00;0.00;100.00    | 0.00;0.00;0.00;0.00;100.00    | 0.00;100.00 | 100.00",
            "D        | 25.00;25.00;25.00;25.00;0.00  | 25.00;25.00;25.00;25.00;0.00  | 100.00;0.00 | 100.00",
            "D A½     | 25.00;25.00;25.00;25.00;0.00  | 12.50;25.00;25.00;25.00;0.00  | 100.00;0.00 | 87.50",
            "A B C E D| 0.00;0.00;0.00;0.00;0.00      | 0.00;0.00;0.00;0.00;0.00      | 0.00;0.00   | 0.00",
    })
    void redistributesExcludedPointsWithinTheTrackThenAcrossTracks(String excluded, String maxPoints, String points,
            String trackMax, String baseTotal) {
        List<String> excludedCodes = excluded == null ? List.of() : List.of(excluded.trim().split("\\s+"));

        ScoreResult result = Scorer.score(redistributionScheme(), redistributionInputs(excludedCodes));

        assertEquals(decimals(maxPoints), result.indicators().stream().map(IndicatorScore::maxPoints).toList());
        assertEquals(decimals(points), result.indicators().stream().map(IndicatorScore::points).toList());
        assertEquals(decimals(trackMax), result.tracks().stream().map(TrackScore::maxPoints).toList());
        assertEquals(bd(baseTotal), result.baseTotal());
        for (IndicatorScore score : result.indicators()) {
            assertEquals(excludedCodes.contains(score.indicatorCode()), score.excluded(), score.indicatorCode());
        }
    }

    private static final List<String> REDISTRIBUTED = List.of("A", "B", "C", "E", "D");

    /** PROJECT_COOP 40 = A 10 + B 10 + C 10 + E 10; CHAIN_COLLAB 60 = D 60, every missing indicator excluded. */
    private static ScoringScheme redistributionScheme() {
        Fixtures.SchemeBuilder builder = new Fixtures.SchemeBuilder().track("PROJECT_COOP", "40")
                .track("CHAIN_COLLAB", "60");
        REDISTRIBUTED.forEach(code -> builder.indicator(Fixtures.indicator(code, code.equals("D") ? "CHAIN_COLLAB"
                : "PROJECT_COOP", code.equals("D") ? "60" : "10", ratio("1"))));
        return builder.all(HIGHER, MissingRule.EXCLUDE).build();
    }

    /** Every target 100; no actual for an excluded code, 50 for a code marked "½", else 100. */
    private static Inputs redistributionInputs(List<String> excludedCodes) {
        Map<String, BigDecimal> targets = new HashMap<>();
        Map<String, BigDecimal> actuals = new HashMap<>();
        for (String code : REDISTRIBUTED) {
            targets.put(code, bd("100"));
            if (!excludedCodes.contains(code)) {
                actuals.put(code, excludedCodes.contains(code + "½") ? bd("50") : bd("100"));
            }
        }
        return new Inputs(targets, actuals, List.of());
    }

    /**
     * A scheme checked once keeps the max points of each set of excluded indicators it has met: scoring pairs with
     * different exclusions one after another, and again in another order, must give what a fresh score gives.
     */
    @Test
    void aSchemeCheckedOnceRedistributesEachPairsOwnExclusions() {
        List<List<String>> mixes = List.of(List.of(), List.of("E"), List.of("E", "A½"), List.of("A", "B"),
                List.of("A", "B", "C", "E"), List.of("D"), List.of("D", "A½"), List.of("A", "B", "C", "E", "D"));
        var scorer = Scorer.under(redistributionScheme());
        List<List<String>> reversed = new ArrayList<>(mixes);
        Collections.reverse(reversed);
        List<List<String>> twice = new ArrayList<>(mixes);
        twice.addAll(reversed);
        for (List<String> excluded : twice) {
            Inputs inputs = redistributionInputs(excluded);
            assertEquals(Scorer.score(redistributionScheme(), inputs), scorer.apply(inputs), excluded.toString());
        }
    }

    @Test
    void explainsRedistributedMaxPoints() {
        ScoringScheme scheme = new Fixtures.SchemeBuilder().track("PROJECT_COOP", "100")
                .indicator(Fixtures.indicator("A", "PROJECT_COOP", "60", ratio("1")))
                .indicator(Fixtures.indicator("B", "PROJECT_COOP", "40", ratio("1")))
                .all(HIGHER, MissingRule.EXCLUDE).build();

        ScoreResult result = Scorer.score(scheme, new Inputs(Map.of("A", bd("4")), Map.of("A", bd("3")), List.of()));

        assertEquals("RATIO: 100.00 × min(0.750000, 1) = 75.00; max points 60.00 → 100.00 after EXCLUDE redistribution",
                result.indicators().get(0).rule());
        assertTrue(result.indicators().get(1).excluded());
    }

    /**
     * Track points add the rounded indicator points (so a breakdown adds up on paper), which can
     * differ from rounding the exact sum: 2 × 0.6165 gives 0.62 + 0.62 = 1.24, not 1.23.
     */
    @ParameterizedTest(name = "A and B at actual {0} → {1} each, track {2}")
    @CsvSource({
            "1233,  0.62, 1.24",
            "10,    0.01, 0.02",
            "5000,  2.50, 5.00",
            "10000, 5.00, 10.00",
    })
    void sumsRoundedIndicatorPointsIntoTrackPoints(String actual, String indicatorPoints, String trackPoints) {
        ScoringScheme scheme = new Fixtures.SchemeBuilder().track("PROJECT_COOP", "90").track("CHAIN_COLLAB", "10")
                .indicator(Fixtures.indicator("F", "PROJECT_COOP", "90", ratio("1")))
                .indicator(Fixtures.indicator("A", "CHAIN_COLLAB", "5", ratio("1")))
                .indicator(Fixtures.indicator("B", "CHAIN_COLLAB", "5", ratio("1")))
                .build();
        Map<String, BigDecimal> targets = Map.of("A", bd("10000"), "B", bd("10000"));
        Map<String, BigDecimal> actuals = Map.of("A", bd(actual), "B", bd(actual));

        ScoreResult result = Scorer.score(scheme, new Inputs(targets, actuals, List.of()));

        assertEquals(bd(indicatorPoints), result.indicators().get(1).points());
        assertEquals(bd(indicatorPoints), result.indicators().get(2).points());
        assertEquals(bd(trackPoints), result.tracks().get(1).points());
        assertEquals(bd("0.00"), result.tracks().get(0).points(), "F has no figures and scores ZERO_POINTS");
        assertEquals(bd(trackPoints), result.baseTotal());
    }

    private static List<BigDecimal> decimals(String semicolonSeparated) {
        return Arrays.stream(semicolonSeparated.trim().split(";")).map(BigDecimal::new).toList();
    }
}
