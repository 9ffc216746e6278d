package org.tandem.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.scoring.Fixtures.baseTotal;
import static org.tandem.scoring.Fixtures.bd;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tandem.scoring.AppliedAdjustment.CappedBy;

/**
 * Totals, adjustments, grades and veto. The scheme has one indicator worth 100 with target 100, so
 * the actual is the base total. Items: B1 bonus ≤ 2, B2 bonus ≤ 3, bonus cap 4; D1 deduction ≤ 5,
 * D2 deduction ≤ 2, deduction cap 6; V1 veto. Bands 优秀 90 / 良好 80 / 合格 60 / 不合格 0, pass mark 60.
 */
class AssessmentTest {

    private static final ScoringScheme SCHEME = Fixtures.oneIndicatorScheme().build();

    /** {@code "B1:1.5 D2:1"} → adjustments in that order. */
    private static Adjustment[] adjustments(String spec) {
        if (spec == null) {
            return new Adjustment[0];
        }
        return Arrays.stream(spec.trim().split("\\s+")).map(a -> a.split(":"))
                .map(a -> new Adjustment(a[0], bd(a[1]), "reason for " + a[0])).toArray(Adjustment[]::new);
    }

    @ParameterizedTest(name = "base {0} with [{1}] → +{2} −{3} = {4}")
    @CsvSource(delimiter = '|', value = {
            // base | adjustments | bonus | deduction | total | applied per adjustment | capped by per adjustment
            "80     | B1:1.5          | 1.5 | 0   | 81.5 | 1.5         | NONE",
            "80     | B1:2.5          | 2   | 0   | 82.0 | 2           | ITEM_CAP",
            // the item cap holds across adjustments made under the same item
            "80     | B1:1.5 B1:1     | 2   | 0   | 82.0 | 1.5 0.5     | NONE ITEM_CAP",
            "80     | B1:2 B2:3       | 4   | 0   | 84.0 | 2 2         | NONE TOTAL_CAP",
            "80     | B1:3 B2:3       | 4   | 0   | 84.0 | 2 2         | ITEM_CAP TOTAL_CAP",
            "80     | B1:2 B2:2 B2:1  | 4   | 0   | 84.0 | 2 2 0       | NONE NONE TOTAL_CAP",
            "80     | D1:4            | 0   | 4   | 76.0 | 4           | NONE",
            "80     | D1:7            | 0   | 5   | 75.0 | 5           | ITEM_CAP",
            "80     | D1:5 D2:2       | 0   | 6   | 74.0 | 5 1         | NONE TOTAL_CAP",
            "80     | D2:3 D1:9       | 0   | 6   | 74.0 | 2 4         | ITEM_CAP TOTAL_CAP",
            "80     | B1:2 D1:1.5     | 2   | 1.5 | 80.5 | 2 1.5       | NONE NONE",
            // the total is floored at 0
            "3      | D1:5            | 0   | 5   | 0.0  | 5           | NONE",
            "0      | D1:5 D2:1       | 0   | 6   | 0.0  | 5 1         | NONE NONE",
            "5      | D1:5            | 0   | 5   | 0.0  | 5           | NONE",
            // bonuses can lift a pair above 100
            "100    | B1:2            | 2   | 0   | 102.0| 2           | NONE",
            // the total is rounded after adding: 59.90 + 0.05 = 59.95 → 60.0
            "59.9   | B1:0.05         | 0.05| 0   | 60.0 | 0.05        | NONE",
    })
    void capsAdjustmentsAndFloorsTheTotal(String base, String spec, String bonus, String deduction, String total,
            String applied, String cappedBy) {
        ScoreResult result = Scorer.score(SCHEME, baseTotal(base, adjustments(spec)));

        assertEquals(0, bd(bonus).compareTo(result.bonusTotal()), "bonus " + result.bonusTotal());
        assertEquals(0, bd(deduction).compareTo(result.deductionTotal()), "deduction " + result.deductionTotal());
        assertEquals(bd(total), result.total());
        assertEquals(Arrays.stream(applied.split(" ")).map(a -> bd(a).stripTrailingZeros()).toList(),
                result.adjustments().stream().map(a -> a.applied().stripTrailingZeros()).toList());
        assertEquals(Arrays.stream(cappedBy.split(" ")).map(CappedBy::valueOf).toList(),
                result.adjustments().stream().map(AppliedAdjustment::cappedBy).toList());
        assertEquals(Arrays.stream(adjustments(spec)).map(Adjustment::points).toList(),
                result.adjustments().stream().map(AppliedAdjustment::requested).toList());
    }

    @ParameterizedTest(name = "base {0} → {1} {2}")
    @CsvSource({
            // base total, rounded total, grade, label, passed
            "0,     0.0,   FAIL,      不合格, false",
            "59.94, 59.9,  FAIL,      不合格, false",
            "59.95, 60.0,  PASS,      合格,   true",
            "60,    60.0,  PASS,      合格,   true",
            "79.94, 79.9,  PASS,      合格,   true",
            "79.95, 80.0,  GOOD,      良好,   true",
            "89.9,  89.9,  GOOD,      良好,   true",
            "89.94, 89.9,  GOOD,      良好,   true",
            "89.95, 90.0,  EXCELLENT, 优秀,   true",
            "90.0,  90.0,  EXCELLENT, 优秀,   true",
            "100,   100.0, EXCELLENT, 优秀,   true",
    })
    void gradesTheRoundedTotal(String base, String total, String grade, String label, boolean passed) {
        ScoreResult result = Scorer.score(SCHEME, baseTotal(base));

        assertEquals(bd(base).setScale(2), result.baseTotal());
        assertEquals(bd(total), result.total());
        assertEquals(grade, result.grade().code());
        assertEquals(label, result.grade().label());
        assertEquals(passed, result.passed());
        assertEquals(false, result.vetoed());
    }

    @ParameterizedTest(name = "pass mark {1}: {0} → passed {2}")
    @CsvSource({
            "64.94, 65,   false",
            "64.95, 65,   true",
            "100,   100,  true",
            "99.94, 100,  false",
            "0,     0,    true",
    })
    void passesAtThePassMarkOnTheRoundedTotal(String base, String passMark, boolean passed) {
        Fixtures.SchemeBuilder builder = Fixtures.oneIndicatorScheme();
        builder.passMark = bd(passMark);

        assertEquals(passed, Scorer.score(builder.build(), baseTotal(base)).passed());
    }

    @ParameterizedTest(name = "base {0} with [{1}] vetoed → 不合格")
    @CsvSource(delimiter = '|', value = {
            "100  | V1:0            | 100.0",
            "95   | B1:2 V1:0       | 97.0",
            "59.9 | V1:0            | 59.9",
            "75   | V1:0 V1:0 D1:1  | 74.0",
    })
    void vetoFailsWhateverTheTotal(String base, String spec, String total) {
        ScoreResult result = Scorer.score(SCHEME, baseTotal(base, adjustments(spec)));

        assertEquals(bd(total), result.total(), "the total is still shown");
        assertTrue(result.vetoed());
        assertEquals(false, result.passed());
        assertEquals("FAIL", result.grade().code());
        assertEquals("不合格", result.grade().label());
        assertEquals(Arrays.stream(adjustments(spec)).filter(a -> a.itemCode().equals("V1"))
                .map(a -> "V1: reason for V1").toList(), result.vetoReasons());
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
            "X7:1   | unknown adjustment item X7",
            "B1:1 b1:1 | unknown adjustment item b1",
            "V1:1   | veto V1 must carry 0 points, carries 1",
    })
    void refusesAdjustmentsTheSchemeDoesNotAllow(String spec, String message) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Scorer.score(SCHEME, baseTotal("80", adjustments(spec))));

        assertEquals(message, thrown.getMessage());
    }

    @Test
    void refusesNegativeAdjustmentPoints() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new Adjustment("D1", bd("-1"), "sign is the item's job"));

        assertEquals("adjustment points must not be negative: -1", thrown.getMessage());
    }

    @Test
    void scorerRefusesAnInconsistentScheme() {
        ScoringScheme scheme = Fixtures.fullScheme().weight("INVEST_INFO", "11").build();

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Scorer.score(scheme, new Inputs(Map.of(), Map.of(), List.of())));

        assertEquals("invalid scoring scheme: tracks: weights sum to 101, must be exactly 100; "
                + "tracks[INVEST_INFO].weight: indicator points in the track sum to 10, must equal the track weight 11",
                thrown.getMessage());
    }

    @Test
    void aSchemeCheckedOnceScoresAsScoreDoes() {
        ScoringScheme inconsistent = Fixtures.fullScheme().weight("INVEST_INFO", "11").build();
        assertThrows(IllegalArgumentException.class, () -> Scorer.under(inconsistent));

        Inputs inputs = baseTotal("80", adjustments("B1:2"));
        assertEquals(Scorer.score(SCHEME, inputs), Scorer.under(SCHEME).apply(inputs));
    }

    @Test
    void breaksTheFullSchemeDownByTrack() {
        Map<String, java.math.BigDecimal> targets = Map.of("P1", bd("100"), "P2", bd("5"), "C1", bd("100"),
                "O1", bd("10"), "I1", bd("4"), "D1", bd("0.8"), "F1", bd("3"));
        Map<String, java.math.BigDecimal> actuals = Map.of("P1", bd("110"), "P2", bd("4"), "C1", bd("90"),
                "O1", bd("10"), "I1", bd("1"), "F1", bd("2"));

        ScoreResult result = Scorer.score(Fixtures.fullScheme().build(),
                new Inputs(targets, actuals, List.of(adjustments("B2:1 D2:0.5"))));

        // P1 15 × 1.1 = 16.50; P2 step 0.8 < 1 → 0; C1 20 × (0.9−0.6)/0.4 = 15.00; O1 15; I1 10 × 0.25 = 2.50;
        // D1 has no actual → FULL_POINTS 15; F1 15 × 0.666667 = 10.00
        assertEquals(List.of(bd("16.50"), bd("0.00"), bd("15.00"), bd("15.00"), bd("2.50"), bd("15.00"), bd("10.00")),
                result.indicators().stream().map(IndicatorScore::points).toList());
        assertEquals(List.of(bd("16.50"), bd("15.00"), bd("15.00"), bd("2.50"), bd("15.00"), bd("10.00")),
                result.tracks().stream().map(TrackScore::points).toList());
        assertEquals(bd("74.00"), result.baseTotal());
        assertEquals(bd("74.5"), result.total());
        assertEquals("PASS", result.grade().code());
    }
}
