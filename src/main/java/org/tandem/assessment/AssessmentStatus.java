package org.tandem.assessment;

public enum AssessmentStatus {
    COMPUTED,
    FINALIZED
}
