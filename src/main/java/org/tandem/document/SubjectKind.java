package org.tandem.document;

/** What a document can be attached to: a record of a pairing, an assessment adjustment or an objection to one. */
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
