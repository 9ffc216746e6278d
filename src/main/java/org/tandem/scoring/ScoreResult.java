package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * A pair's assessment for one year, with the breakdown that explains every point.
 *
 * @param baseTotal sum of the track points, 2 decimals
 * @param bonusTotal bonuses after item caps and the bonus cap
 * @param deductionTotal deductions after item caps and the deduction cap
 * @param total max(0, base + bonus - deduction), 1 decimal
 * @param grade the band of the rounded total; the lowest band when vetoed
 * @param passed rounded total reaches the pass mark and no veto
 * @param vetoReasons {@code itemCode: reason} per veto, empty when not vetoed
 */
public record ScoreResult(
        List<IndicatorScore> indicators,
        List<TrackScore> tracks,
        BigDecimal baseTotal,
        BigDecimal bonusTotal,
        BigDecimal deductionTotal,
        List<AppliedAdjustment> adjustments,
        BigDecimal total,
        GradeBand grade,
        boolean passed,
        boolean vetoed,
        List<String> vetoReasons) {

    public ScoreResult {
        indicators = List.copyOf(indicators);
        tracks = List.copyOf(tracks);
        adjustments = List.copyOf(adjustments);
        vetoReasons = List.copyOf(vetoReasons);
    }
}
