package org.tandem.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an amount over shares in proportion to their weights, at {@link Rounding#POINTS_SCALE},
 * so that the parts add up to the amount exactly (largest remainder; on equal remainders the
 * earlier share gets the cent). Without it, three indicators sharing 10 points would get 3.33 each
 * and a perfect pair would miss 0.01.
 */
final class Apportionment {

    private static final int WORKING_SCALE = 12;

    private Apportionment() {
    }

    /**
     * @param amount at most {@link Rounding#POINTS_SCALE} decimals
     * @param weights zero for shares that get nothing; if all are zero, nothing can be shared and
     *        every part is zero
     */
    static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> weights) {
        BigDecimal weightSum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal zero = BigDecimal.ZERO.setScale(Rounding.POINTS_SCALE);
        if (weightSum.signum() == 0) {
            return weights.stream().map(w -> zero).toList();
        }
        List<BigDecimal> parts = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        BigDecimal allotted = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            BigDecimal quota = amount.multiply(weight).divide(weightSum, WORKING_SCALE, RoundingMode.DOWN);
            BigDecimal part = quota.setScale(Rounding.POINTS_SCALE, RoundingMode.DOWN);
            parts.add(part);
            remainders.add(quota.subtract(part));
            allotted = allotted.add(part);
        }
        BigDecimal cent = BigDecimal.ONE.movePointLeft(Rounding.POINTS_SCALE);
        int leftoverCents = amount.subtract(allotted).divide(cent, 0, RoundingMode.HALF_UP).intValueExact();
        List<Integer> byRemainder = IntStream.range(0, weights.size()).boxed()
                .sorted(Comparator.<Integer, BigDecimal> comparing(remainders::get).reversed().thenComparing(i -> i))
                .toList();
        for (int k = 0; k < leftoverCents; k++) {
            int i = byRemainder.get(k % byRemainder.size());
            parts.set(i, parts.get(i).add(cent));
        }
        return parts;
    }
}
