package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders a programme-year's assessments and gives each its rank. Pairs that no published criterion separates
 * share a rank and the next rank skips (1, 2, 2, 4), as provincial bulletins print them: the pairing id only
 * keeps the listing stable, it is no merit. {@link #TIE_BREAK_RULE} says how, and is published with the ranking.
 */
public final class Ranking {

    /** Published with the ranking so that every pair can see why it stands where it does. */
    public static final String TIE_BREAK_RULE = "vetoed assessments after all others; then total descending; "
            + "then base total (before bonus and deduction) descending; then deduction total ascending. "
            + "Assessments equal on all of these share a rank and the next rank skips (1, 2, 2, 4); "
            + "they are listed by pairing id ascending.";

    // A veto fails the pair whatever its total, so a vetoed 95 must not stand above an unvetoed 70.
    static final Comparator<RankCandidate> MERIT = Comparator
            .comparing(RankCandidate::vetoed)
            .thenComparing(RankCandidate::total, Comparator.<BigDecimal> reverseOrder())
            .thenComparing(RankCandidate::baseTotal, Comparator.<BigDecimal> reverseOrder())
            .thenComparing(RankCandidate::deductionTotal);
    static final Comparator<RankCandidate> ORDER = MERIT.thenComparingLong(RankCandidate::pairingId);

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
        List<RankedPairing> ranked = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            boolean tied = i > 0 && MERIT.compare(ordered.get(i - 1), ordered.get(i)) == 0;
            ranked.add(new RankedPairing(tied ? ranked.get(i - 1).rank() : i + 1, ordered.get(i)));
        }
        return List.copyOf(ranked);
    }
}
