package org.tandem.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The split as a table: terms and pairs in, amounts (and the reserve) out, to the fen. */
class SplitTest {

    private static final Map<String, BigDecimal> GRADES = Map.of("A", d("1.5"), "B", d("1.2"), "C", d("1"), "D",
            BigDecimal.ZERO);

    static Stream<Arguments> table() {
        return Stream.of(
                // name, total, base %, failed keeps base, cap, mountain %, pairs "grade:score:passed", amounts, reserve
                Arguments.of("equal thirds: the extra fen to the higher score", "100.00", "0", false, null, null,
                        List.of("C:70:true", "C:80:true", "C:75:true"), List.of("33.33", "33.34", "33.33"), "0.00"),
                Arguments.of("equal thirds, equal scores: the extra fen to the lower id", "100.00", "0", false, null,
                        null, List.of("C:70:true", "C:70:true", "C:70:true"), List.of("33.34", "33.33", "33.33"),
                        "0.00"),
                Arguments.of("two fen over three pairs", "0.02", "0", false, null, null,
                        List.of("C:60:true", "C:61:true", "C:62:true"), List.of("0.00", "0.01", "0.01"), "0.00"),
                Arguments.of("base and merit", "1000.00", "40", false, null, null,
                        List.of("A:95:true", "B:85:true", "C:65:true"),
                        // base 400 / 3 = 133.333…; merit 600 × 1.5/3.7, 1.2/3.7, 1/3.7
                        List.of("376.58", "327.93", "295.49"), "0.00"),
                Arguments.of("a failed pair gets no base and no merit", "100.00", "50", false, null, null,
                        List.of("C:70:true", "D:40:false"), List.of("100.00", "0.00"), "0.00"),
                Arguments.of("a failed pair keeps its base when the rule says so", "100.00", "50", true, null, null,
                        List.of("C:70:true", "D:40:false"), List.of("75.00", "25.00"), "0.00"),
                Arguments.of("a cap, its excess shared again", "100.00", "0", false, "40.00", null,
                        List.of("A:90:true", "C:70:true", "C:70:true", "D:10:false"),
                        // 1.5/3.5 × 100 = 42.86 > 40; the other 60 by 1:1
                        List.of("40.00", "30.00", "30.00", "0.00"), "0.00"),
                Arguments.of("every pair capped: the rest is the reserve", "100.00", "0", false, "30.00", null,
                        List.of("A:90:true", "C:70:true"), List.of("30.00", "30.00"), "40.00"),
                Arguments.of("nobody to take anything: all reserve", "100.00", "30", false, null, null,
                        List.of("D:10:false", "D:20:false"), List.of("0.00", "0.00"), "100.00"),
                Arguments.of("sides: the mountain county's percent rounded down", "100.00", "0", false, null, "70",
                        List.of("C:70:true", "C:80:true", "C:75:true"), List.of("33.33", "33.34", "33.33"), "0.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void splitsToTheFen(String name, String total, String basePercent, boolean failedKeepsBase, String cap,
            String mountainPercent, List<String> pairs, List<String> amounts, String reserve) {
        List<Split.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i).split(":");
            candidates.add(new Split.Candidate(i + 1, d(p[1]), p[0], Boolean.parseBoolean(p[2])));
        }
        Split.Result result = Split.of(new Split.Terms(d(total), d(basePercent), GRADES, failedKeepsBase,
                cap == null ? null : d(cap), mountainPercent == null ? null : d(mountainPercent)), candidates);
        assertEquals(amounts, result.shares().stream().map(s -> s.amount().toPlainString()).toList(), name);
        assertEquals(reserve, result.reserve().toPlainString(), name);
        assertEquals(d(total), result.allocated().add(result.reserve()), name);
        for (Split.Share share : result.shares()) {
            if (mountainPercent != null) {
                assertEquals(share.amount(), share.mountainAmount().add(share.industrialAmount()));
                BigDecimal exact = share.amount().multiply(d(mountainPercent)).divide(d("100"));
                assertEquals(exact.setScale(2, java.math.RoundingMode.DOWN), share.mountainAmount());
            }
        }
    }

    /** 1.8 billion over 18 pairs of every grade, with and without base, caps and sides: always to the fen. */
    @ParameterizedTest(name = "base {0}%, cap {1}")
    @MethodSource("eighteen")
    void eighteenPairsShareOnePointEightBillionToTheFen(String basePercent, String cap) {
        List<Split.Candidate> candidates = new ArrayList<>();
        String[] grades = { "A", "B", "B", "C", "C", "C", "A", "B", "C", "C", "B", "A", "C", "C", "B", "C", "C", "D" };
        for (int i = 0; i < 18; i++) {
            candidates.add(new Split.Candidate(100 + i, d(Integer.toString(99 - i * 3)), grades[i],
                    !grades[i].equals("D")));
        }
        BigDecimal total = d("1800000000.00");
        Split.Result result = Split.of(new Split.Terms(total, d(basePercent), GRADES, false,
                cap == null ? null : d(cap), d("60")), candidates);
        assertEquals(total, result.allocated().add(result.reserve()));
        assertEquals(d("0.00"), result.reserve());
        assertEquals(0, result.shares().get(17).amount().signum(), "the failed pair gets nothing");
        for (Split.Share share : result.shares()) {
            assertEquals(2, share.amount().scale());
            assertEquals(share.amount(), share.mountainAmount().add(share.industrialAmount()));
            if (cap != null) {
                assertEquals(true, share.amount().compareTo(d(cap)) <= 0, "within the cap: " + share);
            }
            // No share is more than one fen from its exact value.
            assertEquals(true, share.amount().subtract(share.exact()).abs().compareTo(d("0.01")) < 0, share.toString());
        }
        assertEquals(true, result.fenPlacedByRemainder() < 18);
    }

    static Stream<Arguments> eighteen() {
        return Stream.of(Arguments.of("0", null), Arguments.of("40", null), Arguments.of("33.33", null),
                Arguments.of("40", "120000000.00"), Arguments.of("100", null));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
