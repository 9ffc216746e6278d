package org.tandem.assessment;

/**
 * Where an assessment stands for its readers: computed, published for objections (公示; its year's window is open or
 * has closed, and it is not finalized yet), or final.
 */
public enum AssessmentState {
    COMPUTED,
    PUBLISHED_FOR_OBJECTIONS,
    FINALIZED;

    static AssessmentState of(AssessmentStatus status, boolean published) {
        if (status == AssessmentStatus.FINALIZED) {
            return FINALIZED;
        }
        return published ? PUBLISHED_FOR_OBJECTIONS : COMPUTED;
    }
}
