package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/** How one indicator is scored: its share of its track's weight and the function that earns it. */
public record IndicatorRule(
        String indicatorCode,
        String trackCode,
        BigDecimal points,
        Direction direction,
        ScoringFunction function,
        MissingRule missingRule) {

    public IndicatorRule {
        Codes.require(indicatorCode, "indicatorCode");
        Codes.require(trackCode, "trackCode");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(missingRule, "missingRule");
    }
}
