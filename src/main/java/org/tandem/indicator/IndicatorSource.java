package org.tandem.indicator;

/** Where an indicator's actual comes from. */
enum IndicatorSource {
    /** Typed in by the pair as an actual. */
    REPORTED,
    /** Computed from the pair's projects or activities of the year; never typed in. */
    DERIVED
}
