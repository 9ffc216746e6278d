package org.tandem.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Every rounding the engine does, in one place, so the service can publish the rules and an
 * assessment can be recomputed by hand from its breakdown.
 */
public final class Rounding {

    /** Achievement ratios (actual/target or target/actual) are divided to 6 decimals. */
    public static final int RATIO_SCALE = 6;

    /** Piecewise coefficients interpolated between breakpoints keep 6 decimals. */
    public static final int COEFFICIENT_SCALE = 6;

    /**
     * Indicator points, and max points after an EXCLUDE redistribution, have 2 decimals; track
     * points and the base total are sums of those rounded points, so they add up on paper.
     */
    public static final int POINTS_SCALE = 2;

    /** The total, and therefore the grade and pass/fail, use 1 decimal. */
    public static final int TOTAL_SCALE = 1;

    /** One mode everywhere: the one people use on paper. */
    public static final RoundingMode MODE = RoundingMode.HALF_UP;

    /** The rules above in English, for API clients. */
    public static final String RULE = "ratio: " + RATIO_SCALE + " decimals HALF_UP; "
            + "indicator points: " + POINTS_SCALE + " decimals HALF_UP; "
            + "track points and base total: sums of rounded indicator points; "
            + "total = max(0, base + bonus - deduction) rounded to " + TOTAL_SCALE + " decimal HALF_UP; "
            + "grade and pass/fail are decided on the rounded total (59.95 -> 60.0 passes a pass mark of 60)";

    private Rounding() {
    }

    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, RATIO_SCALE, MODE);
    }

    static BigDecimal coefficient(BigDecimal value) {
        return value.setScale(COEFFICIENT_SCALE, MODE);
    }

    static BigDecimal points(BigDecimal value) {
        return value.setScale(POINTS_SCALE, MODE);
    }

    static BigDecimal total(BigDecimal value) {
        return value.setScale(TOTAL_SCALE, MODE);
    }
}
