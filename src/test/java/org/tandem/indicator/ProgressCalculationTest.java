package org.tandem.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tandem.registry.Track;
import org.tandem.scoring.Direction;

/** {@link Progress} as a pure function of the loaded targets, actuals, derived values and indicators. */
class ProgressCalculationTest {

    private static Track track(String code) {
        Track track = new Track();
        track.code = code;
        track.nameZh = code + "赛道";
        track.nameEn = code + " track";
        return track;
    }

    private static Indicator indicator(String code, Track track, IndicatorSource source, Direction direction) {
        Indicator indicator = new Indicator();
        indicator.code = code;
        indicator.track = track;
        indicator.nameZh = code;
        indicator.nameEn = code;
        indicator.unit = "个";
        indicator.direction = direction;
        indicator.source = source;
        indicator.active = true;
        return indicator;
    }

    private static BigDecimal bd(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static Map<String, BigDecimal> valueOf(String code, String value) {
        Map<String, BigDecimal> values = new HashMap<>();
        if (value != null) {
            values.put(code, bd(value));
        }
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // case            | source   | direction        | target  | shown  | stored actual | derived | actual | completion | with target | completed
            "no target         | REPORTED | HIGHER_IS_BETTER | -       | -      | 5             | -       | 5      | -          | 0 | 0",
            "target met        | REPORTED | HIGHER_IS_BETTER | 10      | 10     | 10            | -       | 10     | 1.0000     | 1 | 1",
            "target exceeded   | REPORTED | HIGHER_IS_BETTER | 10      | 10     | 15            | -       | 15     | 1.5000     | 1 | 1",
            "partial           | REPORTED | HIGHER_IS_BETTER | 10      | 10     | 4             | -       | 4      | 0.4000     | 1 | 0",
            "partial, rounded  | REPORTED | HIGHER_IS_BETTER | 3       | 3      | 2             | -       | 2      | 0.6667     | 1 | 0",
            "missing actual    | REPORTED | HIGHER_IS_BETTER | 10      | 10     | -             | -       | -      | -          | 1 | 0",
            "zero target       | REPORTED | HIGHER_IS_BETTER | 0       | 0      | 4             | -       | 4      | -          | 1 | 0",
            "lower is better   | REPORTED | LOWER_IS_BETTER  | 10      | 10     | 8             | -       | 8      | 1.2500     | 1 | 1",
            // the derived value counts, a stored actual of a DERIVED indicator does not
            "derived value     | DERIVED  | HIGHER_IS_BETTER | 4       | 4      | 99            | 3       | 3      | 0.7500     | 1 | 0",
            "derived zero      | DERIVED  | HIGHER_IS_BETTER | 4       | 4      | -             | 0       | 0      | 0.0000     | 1 | 0",
            // values are sent without trailing zeros
            "plain digits      | REPORTED | HIGHER_IS_BETTER | 12.5000 | 12.5   | 25.0000       | -       | 25     | 2.0000     | 1 | 1",
    })
    void oneIndicator(String name, IndicatorSource source, Direction direction, String target, String shownTarget,
            String storedActual,
            String derived, String actual, String completion, int withTarget, int completed) {
        Indicator indicator = indicator("LEAN", track("INDUSTRY"), source, direction);

        ProgressView view = Progress.of(7, 2024, ActualsState.SUBMITTED, List.of(indicator), valueOf("LEAN", target),
                valueOf("LEAN", storedActual), valueOf("LEAN", derived));

        ProgressView.IndicatorProgress row = view.indicators().get(0);
        assertEquals(shownTarget, row.target() == null ? null : row.target().toString());
        assertEquals(bd(actual), row.actual());
        assertEquals(bd(completion), row.completion());
        ProgressView.TrackProgress track = view.tracks().get(0);
        assertEquals(1, track.indicators());
        assertEquals(withTarget, track.withTarget());
        assertEquals(completed, track.completed());
        assertEquals(bd(completion), track.averageCompletion());
    }

    @Test
    void tracksInTheOrderOfTheirFirstIndicatorWithTheMeanOfTheCompletionsThatCanBeTold() {
        Track industry = track("INDUSTRY");
        Track talent = track("TALENT");
        List<Indicator> indicators = List.of(
                indicator("A", industry, IndicatorSource.REPORTED, Direction.HIGHER_IS_BETTER),
                indicator("B", industry, IndicatorSource.REPORTED, Direction.HIGHER_IS_BETTER),
                indicator("C", industry, IndicatorSource.REPORTED, Direction.HIGHER_IS_BETTER),
                indicator("D", talent, IndicatorSource.DERIVED, Direction.HIGHER_IS_BETTER));
        Map<String, BigDecimal> targets = Map.of("A", bd("10"), "B", bd("3"), "D", bd("2"));
        Map<String, BigDecimal> actuals = Map.of("A", bd("12"), "B", bd("1"), "C", bd("7"));
        Map<String, BigDecimal> derived = Map.of("D", bd("2"));

        ProgressView view = Progress.of(7, 2024, ActualsState.DRAFT, indicators, targets, actuals, derived);

        assertEquals(7, view.pairing());
        assertEquals(2024, view.year());
        assertEquals(ActualsState.DRAFT, view.actualsState());
        assertEquals(Quantities.ROUNDING, view.rounding());
        assertEquals(List.of("A", "B", "C", "D"),
                view.indicators().stream().map(ProgressView.IndicatorProgress::indicator).toList());
        assertEquals(List.of("INDUSTRY", "TALENT"),
                view.tracks().stream().map(ProgressView.TrackProgress::track).toList());
        ProgressView.TrackProgress first = view.tracks().get(0);
        assertEquals("INDUSTRY赛道", first.nameZh());
        assertEquals("INDUSTRY track", first.nameEn());
        assertEquals(3, first.indicators());
        assertEquals(2, first.withTarget());
        assertEquals(1, first.completed());
        // (1.2000 + 0.3333) / 2, C has no target and does not count
        assertEquals(bd("0.7667"), first.averageCompletion());
        ProgressView.TrackProgress second = view.tracks().get(1);
        assertEquals(1, second.completed());
        assertEquals(bd("1.0000"), second.averageCompletion());
    }

    @Test
    void noIndicatorsNoRows() {
        ProgressView view = Progress.of(7, 2024, ActualsState.APPROVED, List.of(), Map.of(), Map.of(), Map.of());

        assertEquals(List.of(), view.indicators());
        assertEquals(List.of(), view.tracks());
    }

    @Test
    void aTrackWithoutCompletionsHasNoAverage() {
        Indicator indicator = indicator("A", track("INDUSTRY"), IndicatorSource.REPORTED, Direction.HIGHER_IS_BETTER);

        ProgressView view = Progress.of(7, 2024, ActualsState.DRAFT, List.of(indicator), Map.of(), Map.of(), Map.of());

        assertNull(view.indicators().get(0).target());
        assertNull(view.tracks().get(0).averageCompletion());
    }
}
