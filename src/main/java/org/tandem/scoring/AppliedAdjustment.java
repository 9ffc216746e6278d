package org.tandem.scoring;

import java.math.BigDecimal;

/**
 * An adjustment as it counted: {@code applied} is what entered the bonus or deduction total after
 * the item's cap and then the scheme's total cap, taken in input order.
 */
public record AppliedAdjustment(
        String itemCode,
        AdjustmentKind kind,
        BigDecimal requested,
        BigDecimal applied,
        String reason,
        CappedBy cappedBy) {

    /** Which cap cut the adjustment; the total cap wins when both did. */
    public enum CappedBy {
        NONE,
        ITEM_CAP,
        TOTAL_CAP
    }
}
