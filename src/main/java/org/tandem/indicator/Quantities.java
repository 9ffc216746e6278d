package org.tandem.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.tandem.scoring.Direction;

/** Indicator values: at most 4 decimals as stored (numeric(20, 4)), sent without trailing zeros. */
final class Quantities {

    public static final int SCALE = 4;

    /** Completion ratios have 4 decimals, rounded half-up. */
    public static final String ROUNDING = "completion = actual / target (target / actual for LOWER_IS_BETTER), "
            + SCALE + " decimals HALF_UP; null when the target is missing or zero, the actual is missing, or "
            + "(LOWER_IS_BETTER) the actual is zero; track averages are plain means of the non-null completions, "
            + SCALE + " decimals HALF_UP, uncapped";

    private Quantities() {
    }

    /** 12.5000 becomes 12.5 and 1.5E+9 becomes 1500000000: plain digits, no needless zeros. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Completion of a target by an actual, or null when it cannot be told. */
    public static BigDecimal completion(Direction direction, BigDecimal target, BigDecimal actual) {
        if (target == null || target.signum() == 0 || actual == null) {
            return null;
        }
        if (direction == Direction.LOWER_IS_BETTER) {
            return actual.signum() == 0 ? null : target.divide(actual, SCALE, RoundingMode.HALF_UP);
        }
        return actual.divide(target, SCALE, RoundingMode.HALF_UP);
    }
}
