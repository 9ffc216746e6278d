package org.tandem.scoring;

/** A candidate's position, 1-based and unique within the ranking. */
public record RankedPairing(int rank, RankCandidate candidate) {
}
