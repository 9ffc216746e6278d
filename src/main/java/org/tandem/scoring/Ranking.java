package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Orders a programme-year's assessments. Positions are unique (1..n, no shared ranks) because
 * rank-dependent money and awards need a single order; {@link #TIE_BREAK_RULE} says how.
 */
public final class Ranking {

    /** Published with the ranking so that every pair can see why it stands where it does. */
    public static final String TIE_BREAK_RULE = "vetoed assessments after all others; then total descending; "
            + "then base total (before bonus and deduction) descending; then deduction total ascending; "
            + "then pairing id ascending. Every position is unique.";

    // A veto fails the pair whatever its total, so a vetoed 95 must not stand above an unvetoed 70.
    static final Comparator<RankCandidate> ORDER = Comparator
            .comparing(RankCandidate::vetoed)
            .thenComparing(RankCandidate::total, Comparator.<BigDecimal> reverseOrder())
            .thenComparing(RankCandidate::baseTotal, Comparator.<BigDecimal> reverseOrder())
            .thenComparing(RankCandidate::deductionTotal)
            .thenComparingLong(RankCandidate::pairingId);

    private Ranking() {
    }

    /**
     * @throws IllegalArgumentException when a pairing appears twice: its position would be ambiguous
     */
    public static List<RankedPairing> rank(List<RankCandidate> candidates) {
        Set<Long> seen = new HashSet<>();
        for (RankCandidate candidate : candidates) {
            if (!seen.add(candidate.pairingId())) {
                throw new IllegalArgumentException("pairing " + candidate.pairingId() + " appears more than once");
            }
        }
        List<RankCandidate> ordered = candidates.stream().sorted(ORDER).toList();
        return IntStream.range(0, ordered.size()).mapToObj(i -> new RankedPairing(i + 1, ordered.get(i))).toList();
    }
}
