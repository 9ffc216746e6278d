package org.tandem.assessment;

/** How an upheld objection changed the assessment: a reviewer's adjustment, or a new score from its current data. */
public enum ObjectionRemedy {
    ADJUSTMENT,
    RESCORE
}
