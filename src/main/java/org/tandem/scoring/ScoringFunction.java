package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Turns an indicator's achievement ratio into a coefficient; the indicator earns
 * {@code maxPoints × coefficient}. The ratio passed in is never negative (the scorer floors it at 0).
 */
public sealed interface ScoringFunction permits ScoringFunction.Ratio, ScoringFunction.Step, ScoringFunction.Piecewise {

    /** Coefficient earned at a ratio {@code >= 0}. */
    BigDecimal coefficient(BigDecimal ratio);

    /**
     * Coefficient when the ratio is unbounded: the denominator is 0 and the target is met (see
     * {@link Scorer#ZERO_DENOMINATOR_RULE}). It is the limit of {@link #coefficient} as the ratio grows.
     */
    BigDecimal saturatedCoefficient();

    /** Short name used in the rule text of a breakdown. */
    String code();

    /** The formula as shown in a breakdown, e.g. {@code RATIO: 40.00 × min(0.750000, 1.2) = 30.00}. */
    String explain(BigDecimal maxPoints, BigDecimal ratio, BigDecimal points);

    /** {@code min(ratio, cap)}: proportional credit, over-achievement counted up to the cap (e.g. 1.2). */
    record Ratio(BigDecimal cap) implements ScoringFunction {
        public Ratio {
            Objects.requireNonNull(cap, "cap");
        }

        @Override
        public BigDecimal coefficient(BigDecimal ratio) {
            return ratio.min(cap);
        }

        @Override
        public BigDecimal saturatedCoefficient() {
            return cap;
        }

        @Override
        public String code() {
            return "RATIO";
        }

        @Override
        public String explain(BigDecimal maxPoints, BigDecimal ratio, BigDecimal points) {
            return "RATIO: " + maxPoints.toPlainString() + " × min(" + ratio.toPlainString() + ", "
                    + cap.toPlainString() + ") = " + points.toPlainString();
        }
    }

    /** All or nothing: full points once the ratio reaches the threshold. */
    record Step(BigDecimal threshold) implements ScoringFunction {
        public Step {
            Objects.requireNonNull(threshold, "threshold");
        }

        @Override
        public BigDecimal coefficient(BigDecimal ratio) {
            return ratio.compareTo(threshold) >= 0 ? BigDecimal.ONE : BigDecimal.ZERO;
        }

        @Override
        public BigDecimal saturatedCoefficient() {
            return BigDecimal.ONE;
        }

        @Override
        public String code() {
            return "STEP";
        }

        @Override
        public String explain(BigDecimal maxPoints, BigDecimal ratio, BigDecimal points) {
            String comparison = ratio.compareTo(threshold) >= 0 ? " ≥ " : " < ";
            return "STEP: " + ratio.toPlainString() + comparison + threshold.toPlainString() + " → "
                    + points.toPlainString() + " of " + maxPoints.toPlainString();
        }
    }

    /**
     * Coefficient interpolated linearly between neighbouring breakpoints, listed by ratio ascending;
     * below the first breakpoint it is the first coefficient, above the last one the last coefficient.
     * Interpolated coefficients are rounded to {@link Rounding#COEFFICIENT_SCALE} decimals.
     */
    record Piecewise(List<Breakpoint> breakpoints) implements ScoringFunction {
        public Piecewise {
            breakpoints = List.copyOf(breakpoints);
        }

        @Override
        public BigDecimal coefficient(BigDecimal ratio) {
            requireBreakpoints();
            Breakpoint first = breakpoints.get(0);
            if (ratio.compareTo(first.ratio()) <= 0) {
                return Rounding.coefficient(first.coefficient());
            }
            for (int i = 1; i < breakpoints.size(); i++) {
                Breakpoint low = breakpoints.get(i - 1);
                Breakpoint high = breakpoints.get(i);
                // ratio > low.ratio here, so high.ratio > low.ratio whenever we divide: no division by zero
                if (ratio.compareTo(high.ratio()) <= 0) {
                    BigDecimal span = high.ratio().subtract(low.ratio());
                    BigDecimal rise = high.coefficient().subtract(low.coefficient());
                    BigDecimal offset = ratio.subtract(low.ratio());
                    return Rounding.coefficient(low.coefficient().add(
                            rise.multiply(offset).divide(span, Rounding.COEFFICIENT_SCALE + 4, Rounding.MODE)));
                }
            }
            return Rounding.coefficient(saturatedCoefficient());
        }

        @Override
        public BigDecimal saturatedCoefficient() {
            requireBreakpoints();
            return breakpoints.get(breakpoints.size() - 1).coefficient();
        }

        @Override
        public String code() {
            return "PIECEWISE";
        }

        @Override
        public String explain(BigDecimal maxPoints, BigDecimal ratio, BigDecimal points) {
            return "PIECEWISE: " + maxPoints.toPlainString() + " × f(" + ratio.toPlainString() + ") = "
                    + maxPoints.toPlainString() + " × " + coefficient(ratio).toPlainString() + " = "
                    + points.toPlainString();
        }

        private void requireBreakpoints() {
            if (breakpoints.isEmpty()) {
                throw new IllegalStateException("piecewise function without breakpoints");
            }
        }
    }

    /** A point of a {@link Piecewise} function: at this ratio the coefficient is this. */
    record Breakpoint(BigDecimal ratio, BigDecimal coefficient) {
        public Breakpoint {
            Objects.requireNonNull(ratio, "ratio");
            Objects.requireNonNull(coefficient, "coefficient");
        }
    }
}
