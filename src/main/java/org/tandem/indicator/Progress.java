package org.tandem.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tandem.registry.Track;

/**
 * The progress of a pair-year as a pure function of what was loaded for it: no database, no HTTP. Every
 * indicator given counts, in the order given; its actual is the derived value when it is DERIVED and the
 * stored actual otherwise. Tracks come in the order of their first indicator.
 */
final class Progress {

    private Progress() {
    }

    /**
     * @param indicators the indicators to show (the active catalogue), each with its track
     * @param targets stored targets by indicator code
     * @param actuals stored (reported) actuals by indicator code
     * @param derived computed values of the DERIVED indicators by indicator code
     */
    static ProgressView of(long pairingId, int year, ActualsState state, List<Indicator> indicators,
            Map<String, BigDecimal> targets, Map<String, BigDecimal> actuals, Map<String, BigDecimal> derived) {
        List<ProgressView.IndicatorProgress> rows = new ArrayList<>();
        Map<String, List<ProgressView.IndicatorProgress>> byTrack = new LinkedHashMap<>();
        Map<String, Track> tracksByCode = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            BigDecimal target = Quantities.plain(targets.get(indicator.code));
            BigDecimal actual = Quantities.plain(indicator.isDerived() ? derived.get(indicator.code)
                    : actuals.get(indicator.code));
            ProgressView.IndicatorProgress row = new ProgressView.IndicatorProgress(indicator.code,
                    indicator.track.code, indicator.nameZh, indicator.nameEn, indicator.unit, indicator.direction,
                    indicator.source, target, actual, Quantities.completion(indicator.direction, target, actual));
            rows.add(row);
            byTrack.computeIfAbsent(indicator.track.code, k -> new ArrayList<>()).add(row);
            tracksByCode.putIfAbsent(indicator.track.code, indicator.track);
        }
        List<ProgressView.TrackProgress> tracks = new ArrayList<>();
        for (Map.Entry<String, List<ProgressView.IndicatorProgress>> entry : byTrack.entrySet()) {
            tracks.add(track(tracksByCode.get(entry.getKey()), entry.getValue()));
        }
        return new ProgressView(pairingId, year, state, Quantities.ROUNDING, rows, tracks);
    }

    /** How many indicators of a track have a target and are completed, and their mean completion. */
    private static ProgressView.TrackProgress track(Track track, List<ProgressView.IndicatorProgress> rows) {
        List<BigDecimal> completions = rows.stream().map(ProgressView.IndicatorProgress::completion)
                .filter(c -> c != null).toList();
        int withTarget = (int) rows.stream().filter(r -> r.target() != null).count();
        int completed = (int) completions.stream().filter(c -> c.compareTo(BigDecimal.ONE) >= 0).count();
        BigDecimal average = completions.isEmpty() ? null
                : completions.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(completions.size()), Quantities.SCALE, RoundingMode.HALF_UP);
        return new ProgressView.TrackProgress(track.code, track.nameZh, track.nameEn, rows.size(), withTarget,
                completed, average);
    }
}
