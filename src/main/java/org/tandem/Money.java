package org.tandem;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in CNY: BigDecimal with exactly two decimals, as stored in numeric(…, 2) columns. */
public final class Money {

    public static final int SCALE = 2;

    private Money() {
    }

    /**
     * The amount at scale 2. Inputs are validated to at most two decimals first, so this never rounds;
     * should one slip through, it rounds half-up rather than failing.
     */
    public static BigDecimal of(BigDecimal amount) {
        return amount == null ? null : amount.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
