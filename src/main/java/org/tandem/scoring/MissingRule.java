package org.tandem.scoring;

/**
 * What an indicator scores when its target or its actual is absent.
 *
 * <p>
 * It does not apply to a zero denominator: a target of 0 (higher is better) or an actual of 0
 * (lower is better) is data, not a gap, and follows {@link Scorer#ZERO_DENOMINATOR_RULE}.
 */
public enum MissingRule {
    ZERO_POINTS,
    FULL_POINTS,
    /**
     * The indicator is dropped and its points go, proportionally, to the track's other scored
     * indicators; if no indicator of the track is left, the track's weight goes proportionally to
     * the other tracks that still have one. A pair is then judged only on what applies to it.
     */
    EXCLUDE
}
