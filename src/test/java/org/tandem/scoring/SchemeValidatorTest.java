package org.tandem.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.scoring.Fixtures.bd;
import static org.tandem.scoring.Fixtures.piecewise;
import static org.tandem.scoring.Fixtures.ratio;
import static org.tandem.scoring.Fixtures.step;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.scoring.Fixtures.SchemeBuilder;

class SchemeValidatorTest {

    private static List<Violation> validate(SchemeBuilder builder) {
        return SchemeValidator.validate(builder.build(), Fixtures.TRACKS, Fixtures.fullSchemeRegistry());
    }

    @Test
    void acceptsTheFullScheme() {
        assertEquals(List.of(), validate(Fixtures.fullScheme()));
    }

    private static Arguments row(String name, Consumer<SchemeBuilder> breakIt, String message, String... paths) {
        return Arguments.of(name, breakIt, List.of(paths), message);
    }

    static Stream<Arguments> brokenSchemes() {
        return Stream.of(
                row("weights off 100", b -> b.weight("DIGITAL_ASSIST", "20").points("D1", "20"),
                        "weights sum to 105, must be exactly 100", "tracks"),
                row("indicator points off the track weight", b -> b.points("P2", "5"),
                        "indicator points in the track sum to 20, must equal the track weight 25",
                        "tracks[PROJECT_COOP].weight"),
                row("negative weight", b -> b.weight("DIGITAL_ASSIST", "-5").points("D1", "-5")
                        .weight("PROJECT_COOP", "45").points("P1", "35"),
                        "must not be negative, is -5", "tracks[DIGITAL_ASSIST].weight", "indicators[D1].points"),
                row("weight with 3 decimals", b -> b.weight("PROJECT_COOP", "25.005").points("P1", "15.005")
                        .weight("CHAIN_COLLAB", "19.995").points("C1", "19.995"),
                        "at most 2 decimals, is 25.005", "tracks[PROJECT_COOP].weight", "tracks[CHAIN_COLLAB].weight",
                        "indicators[P1].points", "indicators[C1].points"),
                row("unknown track", b -> b.track("TOURISM", "0"), "unknown track TOURISM", "tracks[TOURISM].trackCode"),
                row("track listed twice", b -> b.track("PROJECT_COOP", "0"), "track listed more than once",
                        "tracks[PROJECT_COOP]"),
                row("indicator in a track the scheme does not weight", b -> {
                    b.tracks.removeIf(t -> t.trackCode().equals("FACTOR_RECIPROCITY"));
                    b.weight("INVEST_INFO", "25").points("I1", "25");
                }, "track FACTOR_RECIPROCITY has no weight in this scheme", "indicators[F1].trackCode"),
                row("indicator unknown to the registry", b -> b.indicator(Fixtures.indicator("X9", "PROJECT_COOP",
                        "0", ratio("1"))), "unknown indicator X9", "indicators[X9].indicatorCode"),
                row("indicator listed twice", b -> b.indicator(Fixtures.indicator("P1", "PROJECT_COOP", "0",
                        ratio("1"))), "indicator listed more than once", "indicators[P1]"),
                row("indicator under another track than the registry's", b -> b.indicator(Fixtures.indicator("Z1",
                        "PROJECT_COOP", "0", ratio("1"))),
                        "indicator Z1 belongs to track DIGITAL_ASSIST, not PROJECT_COOP", "indicators[Z1].trackCode"),
                row("negative indicator points", b -> b.points("P1", "-1").points("P2", "26"),
                        "must not be negative, is -1", "indicators[P1].points"),
                row("ratio cap 0", b -> b.function("P1", ratio("0")), "must be greater than 0, is 0",
                        "indicators[P1].function.cap"),
                row("negative ratio cap", b -> b.function("P1", ratio("-1.2")), "must be greater than 0, is -1.2",
                        "indicators[P1].function.cap"),
                row("step threshold 0", b -> b.function("P2", step("0")), "must be greater than 0, is 0",
                        "indicators[P2].function.threshold"),
                row("one breakpoint", b -> b.function("C1", piecewise("1:1")), "at least 2 breakpoints are needed, found 1",
                        "indicators[C1].function.breakpoints"),
                row("no breakpoint", b -> b.function("C1", piecewise()), "at least 2 breakpoints are needed, found 0",
                        "indicators[C1].function.breakpoints"),
                row("breakpoint ratios repeat", b -> b.function("C1", piecewise("0.8:0", "0.8:1")),
                        "must be greater than the previous breakpoint's 0.8",
                        "indicators[C1].function.breakpoints[1].ratio"),
                row("breakpoint ratios descend", b -> b.function("C1", piecewise("0.6:0", "1:1", "0.9:1.1")),
                        "must be greater than the previous breakpoint's 1",
                        "indicators[C1].function.breakpoints[2].ratio"),
                row("negative breakpoint ratio", b -> b.function("C1", piecewise("-0.1:0", "1:1")),
                        "must not be negative", "indicators[C1].function.breakpoints[0].ratio"),
                row("coefficient above 2", b -> b.function("C1", piecewise("0.6:0", "1:2.5")),
                        "must be between 0 and 2, is 2.5", "indicators[C1].function.breakpoints[1].coefficient"),
                row("negative coefficient", b -> b.function("C1", piecewise("0.6:-0.1", "1:1")),
                        "must be between 0 and 2, is -0.1", "indicators[C1].function.breakpoints[0].coefficient"),
                row("adjustment item listed twice", b -> b.items.add(new AdjustmentItem("B1", AdjustmentKind.DEDUCTION,
                        "重复", bd("1"))), "adjustment item listed more than once", "adjustmentItems[B1]"),
                row("bonus item worth nothing", b -> b.items.set(0, new AdjustmentItem("B1", AdjustmentKind.BONUS,
                        "国家级试点", bd("0"))), "must be greater than 0, is 0", "adjustmentItems[B1].maxPointsPerItem"),
                row("deduction item with negative max", b -> b.items.set(2, new AdjustmentItem("D1",
                        AdjustmentKind.DEDUCTION, "数据报送不及时", bd("-1"))),
                        "must be greater than 0, is -1", "adjustmentItems[D1].maxPointsPerItem"),
                row("veto item with points", b -> b.items.set(4, new AdjustmentItem("V1", AdjustmentKind.VETO,
                        "重大安全生产事故", bd("1"))),
                        "must be 0 for a VETO, which carries no points", "adjustmentItems[V1].maxPointsPerItem"),
                row("negative bonus cap", b -> b.bonusCap = bd("-1"), "must not be negative", "bonusCap"),
                row("negative deduction cap", b -> b.deductionCap = bd("-0.5"), "must not be negative", "deductionCap"),
                row("bands not best first", b -> b.bands.set(0, new GradeBand("EXCELLENT", "优秀", bd("75"))),
                        "must be below 75 of EXCELLENT: bands are listed best first, each starting lower",
                        "gradeBands[GOOD].minTotal"),
                row("two bands start at the same total", b -> b.bands.set(1, new GradeBand("GOOD", "良好", bd("60"))),
                        "must be below 60 of GOOD: bands are listed best first, each starting lower",
                        "gradeBands[PASS].minTotal"),
                row("grade listed twice", b -> b.bands.set(1, new GradeBand("PASS", "良好", bd("80"))),
                        "grade listed more than once", "gradeBands[PASS]"),
                row("gap below the lowest band", b -> b.bands.set(3, new GradeBand("FAIL", "不合格", bd("10"))),
                        "the lowest band must start at 0 so that every total has a grade, starts at 10",
                        "gradeBands[FAIL].minTotal"),
                row("no bands", b -> b.bands.clear(), "at least one grade band is needed", "gradeBands"),
                row("pass mark above 100", b -> b.passMark = bd("100.5"), "must be between 0 and 100, is 100.5",
                        "passMark"),
                row("negative pass mark", b -> b.passMark = bd("-1"), "must be between 0 and 100, is -1", "passMark"));
    }

    /** The first path is the one whose message is checked; together the paths are all that is reported. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSchemes")
    void namesTheOffendingPart(String name, Consumer<SchemeBuilder> breakIt, List<String> paths, String message) {
        SchemeBuilder builder = Fixtures.fullScheme();
        breakIt.accept(builder);

        List<Violation> violations = validate(builder);

        assertEquals(paths, violations.stream().map(Violation::path).toList(), violations::toString);
        assertEquals(message, violations.get(0).message());
    }

    @Test
    void reportsEveryViolationAtOnce() {
        SchemeBuilder builder = Fixtures.fullScheme().function("P1", ratio("0")).function("P2", step("-1"));
        builder.passMark = bd("120");

        List<String> paths = validate(builder).stream().map(Violation::path).toList();

        assertEquals(List.of("indicators[P1].function.cap", "indicators[P2].function.threshold", "passMark"), paths);
    }
}
