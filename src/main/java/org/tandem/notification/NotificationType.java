package org.tandem.notification;

/**
 * What happened that needs someone's action. Webhooks subscribe to these names; a feed item and a delivery carry
 * one. Some are recorded by features still to come (deadlines, publication for objections, objections): they are
 * listed already so that webhooks can subscribe to them.
 */
public enum NotificationType {
    /** A pair-year's actuals were submitted and wait for approval. */
    SUBMISSION_WAITING,
    /** A pair-year's actuals were returned to the pair for correction, with a comment. */
    DATA_RETURNED,
    /** A pair-year's assessment was finalized. */
    RESULTS_FINALIZED,
    /** A reporting deadline is near. */
    DEADLINE_APPROACHING,
    /** A reporting deadline passed without a submission. */
    DEADLINE_MISSED,
    /** A programme-year's assessments were published for objections. */
    RESULTS_PUBLISHED,
    /** A county filed an objection to its assessment. */
    OBJECTION_FILED,
    /** An objection was upheld or rejected. */
    OBJECTION_RESOLVED
}
