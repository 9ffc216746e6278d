package org.tandem.scoring;

/** A candidate's rank, 1-based; candidates that tie share it and the next rank skips (1, 2, 2, 4). */
public record RankedPairing(int rank, RankCandidate candidate) {
}
