package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The rules that turn a pair's targets, actuals and adjustments into an assessment. The records
 * only refuse nulls; whether the rules make sense is {@link SchemeValidator}'s job, so that every
 * problem can be reported at once, each with its path.
 *
 * @param gradeBands best band first, the last one starting at 0
 * @param passMark a rounded total at or above it passes, unless vetoed
 */
public record ScoringScheme(
        List<TrackWeight> tracks,
        List<IndicatorRule> indicators,
        List<AdjustmentItem> adjustmentItems,
        BigDecimal bonusCap,
        BigDecimal deductionCap,
        List<GradeBand> gradeBands,
        BigDecimal passMark) {

    public ScoringScheme {
        tracks = List.copyOf(tracks);
        indicators = List.copyOf(indicators);
        adjustmentItems = List.copyOf(adjustmentItems);
        Objects.requireNonNull(bonusCap, "bonusCap");
        Objects.requireNonNull(deductionCap, "deductionCap");
        gradeBands = List.copyOf(gradeBands);
        Objects.requireNonNull(passMark, "passMark");
    }
}
