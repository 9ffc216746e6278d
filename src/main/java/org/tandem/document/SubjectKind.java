package org.tandem.document;

/**
 * What a document can be attached to. OBJECTION is reserved for objections to assessments: once they exist, their
 * lookup in {@link Subjects} is all that is missing.
 */
public enum SubjectKind {
    PROJECT,
    ACTIVITY,
    PARK,
    ACTUALS,
    ADJUSTMENT,
    OBJECTION;

    /** The kind's name in a subject, e.g. {@code project} in {@code project:1001}. */
    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
