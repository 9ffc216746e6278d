package org.tandem.indicator;

/** The records a derived indicator is computed from. */
enum DerivedFrom {
    PROJECT,
    ACTIVITY
}
