package org.tandem.funding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The split of a programme-year's total among its pairs: a pure function, exact until the one declared rounding.
 * <ol>
 * <li>The base pool is {@code basePercent} % of the total, rounded down to the fen; it is shared equally by the pairs
 * eligible for it (those that passed, and those that failed when {@code failedKeepsBase}). With none eligible it
 * joins the merit pool. The merit pool is the rest of the total.</li>
 * <li>The merit pool is shared in proportion to the coefficient of each pair's grade.</li>
 * <li>With a cap per pair, a pair whose share would exceed it gets the cap, and what the capped pairs no longer take
 * is shared again among the others by their coefficients, until no share exceeds the cap.</li>
 * <li>What nobody can take (no coefficient above 0 among the uncapped pairs) is the reserve, kept unallocated.</li>
 * <li>{@link #ROUNDING}: every exact share is rounded down to the fen, and the fen still missing to reach the total
 * (less the reserve rounded up to the fen) go one each to the largest remainders; ties by the higher assessment total,
 * then the lower pairing id. The shares and the reserve add up to the total exactly.</li>
 * <li>With {@code mountainPercent}, each share is split between the sides: the mountain county gets that percent
 * rounded down to the fen, the industrial county the rest.</li>
 * </ol>
 * Amounts are computed in fen (integers) and exact fractions, never in floating point.
 */
final class Split {

    static final String ROUNDING = "Exact shares in fractions; each rounded down to the fen; the fen left to reach the"
            + " total (less the reserve, rounded up to the fen) go one each to the largest remainders, ties by the higher"
            + " assessment total, then the lower pairing id. Sides: the mountain county's percent rounded down to the"
            + " fen, the industrial county the rest.";

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private Split() {
    }

    /** A pair as its finalized assessment has it. */
    record Candidate(long pairing, BigDecimal score, String grade, boolean passed) {
    }

    /** What the split follows: a rule's terms, the total in yuan (2 decimals). */
    record Terms(BigDecimal total, BigDecimal basePercent, Map<String, BigDecimal> coefficients,
            boolean failedKeepsBase, BigDecimal capPerPair, BigDecimal mountainPercent) {
    }

    /** One pair's share and how it came about; exact figures in yuan, shown with 6 decimals. */
    record Share(long pairing, BigDecimal score, String grade, boolean passed, boolean baseEligible,
            BigDecimal coefficient, BigDecimal exactBase, BigDecimal exactMerit, boolean capped, BigDecimal exact,
            BigDecimal roundedDown, BigDecimal remainderFen, boolean extraFen, BigDecimal amount,
            BigDecimal industrialAmount, BigDecimal mountainAmount) {
    }

    record Result(BigDecimal total, BigDecimal basePool, BigDecimal meritPool, int baseEligible,
            BigDecimal coefficientSum, BigDecimal reserve, int fenPlacedByRemainder, List<Share> shares) {

        BigDecimal allocated() {
            return shares.stream().map(Share::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }
    }

    static Result of(Terms terms, List<Candidate> candidates) {
        BigInteger totalFen = fen(terms.total());
        int n = candidates.size();
        boolean[] eligible = new boolean[n];
        Fraction[] weight = new Fraction[n];
        int eligibleCount = 0;
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            eligible[i] = c.passed() || terms.failedKeepsBase();
            eligibleCount += eligible[i] ? 1 : 0;
            BigDecimal coefficient = terms.coefficients().get(c.grade());
            if (coefficient == null) {
                throw new IllegalArgumentException("no coefficient for grade " + c.grade());
            }
            weight[i] = Fraction.of(coefficient);
        }
        BigInteger basePoolFen = eligibleCount == 0 ? BigInteger.ZERO
                : totalFen.multiply(Fraction.of(terms.basePercent()).numerator())
                        .divide(Fraction.of(terms.basePercent()).denominator().multiply(HUNDRED));
        Fraction baseEach = eligibleCount == 0 ? Fraction.ZERO
                : Fraction.of(basePoolFen).dividedBy(Fraction.of(eligibleCount));
        Fraction cap = terms.capPerPair() == null ? null : Fraction.of(fen(terms.capPerPair()));

        Set<Integer> capped = new HashSet<>();
        Fraction[] base = new Fraction[n];
        Fraction[] merit = new Fraction[n];
        Fraction[] share = new Fraction[n];
        Fraction reserve;
        while (true) {
            Fraction rest = Fraction.of(totalFen);
            Fraction weights = Fraction.ZERO;
            for (int i = 0; i < n; i++) {
                if (capped.contains(i)) {
                    rest = rest.minus(cap);
                } else {
                    base[i] = eligible[i] ? baseEach : Fraction.ZERO;
                    rest = rest.minus(base[i]);
                    weights = weights.plus(weight[i]);
                }
            }
            reserve = weights.signum() == 0 ? rest : Fraction.ZERO;
            boolean more = false;
            for (int i = 0; i < n; i++) {
                if (capped.contains(i)) {
                    continue;
                }
                merit[i] = weights.signum() == 0 ? Fraction.ZERO : rest.times(weight[i]).dividedBy(weights);
                share[i] = base[i].plus(merit[i]);
                if (cap != null && share[i].compareTo(cap) > 0) {
                    capped.add(i);
                    more = true;
                }
            }
            if (!more) {
                break;
            }
        }
        for (int i : capped) {
            share[i] = cap;
            base[i] = eligible[i] ? baseEach.compareTo(cap) < 0 ? baseEach : cap : Fraction.ZERO;
            merit[i] = cap.minus(base[i]);
        }

        // The reserve rounded up to the fen, the shares rounded down, the fen left to the largest remainders.
        BigInteger reserveFen = reserve.remainder().signum() == 0 ? reserve.floor() : reserve.floor().add(BigInteger.ONE);
        BigInteger target = totalFen.subtract(reserveFen);
        BigInteger[] floor = new BigInteger[n];
        BigInteger placed = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            floor[i] = share[i].floor();
            placed = placed.add(floor[i]);
        }
        int left = target.subtract(placed).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, Fraction> comparing(i -> share[i].remainder()).reversed()
                .thenComparing(Comparator.<Integer, BigDecimal> comparing(i -> candidates.get(i).score()).reversed())
                .thenComparingLong(i -> candidates.get(i).pairing()));
        Set<Integer> extra = new HashSet<>(order.subList(0, left));

        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            BigInteger amountFen = floor[i].add(extra.contains(i) ? BigInteger.ONE : BigInteger.ZERO);
            BigDecimal mountain = null;
            BigDecimal industrial = null;
            if (terms.mountainPercent() != null) {
                Fraction percent = Fraction.of(terms.mountainPercent());
                BigInteger mountainFen = Fraction.of(amountFen).times(percent).dividedBy(Fraction.of(100)).floor();
                mountain = yuan(mountainFen);
                industrial = yuan(amountFen.subtract(mountainFen));
            }
            shares.add(new Share(c.pairing(), c.score(), c.grade(), c.passed(), eligible[i],
                    terms.coefficients().get(c.grade()), display(base[i]), display(merit[i]), capped.contains(i),
                    display(share[i]), yuan(floor[i]), share[i].remainder().toDecimal(6), extra.contains(i),
                    yuan(amountFen), industrial, mountain));
        }
        Fraction coefficientSum = Fraction.ZERO;
        for (Fraction w : weight) {
            coefficientSum = coefficientSum.plus(w);
        }
        return new Result(yuan(totalFen), yuan(basePoolFen), yuan(totalFen.subtract(basePoolFen)), eligibleCount,
                coefficientSum.toDecimal(4), yuan(reserveFen),
                left, shares);
    }

    private static BigInteger fen(BigDecimal yuan) {
        return yuan.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).toBigIntegerExact();
    }

    private static BigDecimal yuan(BigInteger fen) {
        return new BigDecimal(fen, 2);
    }

    /** An exact amount of fen as yuan with 6 decimals, for the breakdown. */
    private static BigDecimal display(Fraction fen) {
        return fen.dividedBy(Fraction.of(100)).toDecimal(6);
    }
}
