package org.tandem.scoring;

import java.math.BigDecimal;

/**
 * How one indicator scored.
 *
 * @param target null when absent
 * @param actual null when absent
 * @param ratio the achievement ratio used, floored at 0; null when there is none (absent value,
 *        or zero denominator with the target met)
 * @param maxPoints the points the indicator could earn: the scheme's points, or more after an
 *        EXCLUDE in its track, or 0 when it is excluded itself
 * @param excluded dropped by {@link MissingRule#EXCLUDE}
 * @param rule how the points were obtained, in English, e.g. {@code RATIO: 40.00 × min(0.750000, 1.2) = 30.00}
 */
public record IndicatorScore(
        String indicatorCode,
        String trackCode,
        BigDecimal target,
        BigDecimal actual,
        BigDecimal ratio,
        BigDecimal maxPoints,
        BigDecimal points,
        boolean excluded,
        String rule) {
}
