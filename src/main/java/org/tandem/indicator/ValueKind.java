package org.tandem.indicator;

/** A stored figure of a pair-year: what was planned or what was achieved. */
public enum ValueKind {
    TARGET,
    ACTUAL
}
