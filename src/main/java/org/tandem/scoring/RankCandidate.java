package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/** What ranking needs to know of one pair's assessment in a programme-year. */
public record RankCandidate(long pairingId, boolean vetoed, BigDecimal total, BigDecimal baseTotal,
        BigDecimal deductionTotal) {

    public RankCandidate {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(baseTotal, "baseTotal");
        Objects.requireNonNull(deductionTotal, "deductionTotal");
    }

    public static RankCandidate of(long pairingId, ScoreResult result) {
        return new RankCandidate(pairingId, result.vetoed(), result.total(), result.baseTotal(),
                result.deductionTotal());
    }
}
