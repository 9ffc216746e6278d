package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A listed reason for a bonus, deduction or veto. {@code maxPointsPerItem} caps the sum of all
 * adjustments made under this item in one assessment (splitting an item does not lift its cap);
 * it is 0 for a VETO, which carries no points.
 */
public record AdjustmentItem(String code, AdjustmentKind kind, String label, BigDecimal maxPointsPerItem) {
    public AdjustmentItem {
        Codes.require(code, "code");
        Objects.requireNonNull(kind, "kind");
        Codes.require(label, "label");
        Objects.requireNonNull(maxPointsPerItem, "maxPointsPerItem");
    }
}
