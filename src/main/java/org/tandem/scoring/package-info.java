/**
 * The scoring engine: an assessment as a pure function of (scheme, targets, actuals, adjustments),
 * in plain Java so it is unit-tested without Quarkus and can be recomputed by hand.
 *
 * <ul>
 * <li>{@link org.tandem.scoring.SchemeValidator#validate} — is a scheme usable? Every violation, with its path.</li>
 * <li>{@link org.tandem.scoring.Scorer#score} — the {@link org.tandem.scoring.ScoreResult} with a breakdown
 * that explains every point.</li>
 * <li>{@link org.tandem.scoring.Ranking#rank} — unique positions in a programme-year.</li>
 * </ul>
 *
 * <p>
 * The declared rules, in English for the API: {@link org.tandem.scoring.Rounding#RULE},
 * {@link org.tandem.scoring.Scorer#ZERO_DENOMINATOR_RULE}, {@link org.tandem.scoring.Ranking#TIE_BREAK_RULE}.
 */
package org.tandem.scoring;
