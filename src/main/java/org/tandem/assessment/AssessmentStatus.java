package org.tandem.assessment;

enum AssessmentStatus {
    COMPUTED,
    FINALIZED
}
