package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A bonus, deduction or veto made under a scheme's adjustment item. Points are given as a positive
 * amount; the item's kind decides the sign. A veto carries 0 points.
 */
public record Adjustment(String itemCode, BigDecimal points, String reason) {
    public Adjustment {
        Codes.require(itemCode, "itemCode");
        Objects.requireNonNull(points, "points");
        if (points.signum() < 0) {
            throw new IllegalArgumentException("adjustment points must not be negative: " + points.toPlainString());
        }
        // every point moved by hand has to be explained in the breakdown
        Codes.require(reason, "reason");
    }
}
