package org.tandem.indicator;

/** The records a derived indicator is computed from. */
public enum DerivedFrom {
    PROJECT,
    ACTIVITY
}
