package org.tandem.scoring;

/** Which way an indicator improves; decides how the achievement ratio is formed. */
public enum Direction {
    /** ratio = actual / target, e.g. investment landed. */
    HIGHER_IS_BETTER,
    /** ratio = target / actual, e.g. energy use per unit of output. */
    LOWER_IS_BETTER
}
