package org.tandem.indicator;

/** The workflow of a pair-year's actuals: DRAFT → SUBMITTED → APPROVED, or back to DRAFT by a return. */
enum ActualsState {
    DRAFT,
    SUBMITTED,
    APPROVED
}
