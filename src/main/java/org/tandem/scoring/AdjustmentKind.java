package org.tandem.scoring;

/** 加分 / 扣分 / 一票否决. */
public enum AdjustmentKind {
    BONUS,
    DEDUCTION,
    /** Fails the assessment whatever the total; carries no points. */
    VETO
}
