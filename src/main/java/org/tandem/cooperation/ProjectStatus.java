package org.tandem.cooperation;

/**
 * A cooperation project's lifecycle: PLANNED → SIGNED → UNDER_CONSTRUCTION → IN_PRODUCTION, or CANCELLED
 * from any state that is not final. Steps may be skipped forward (a project can be signed and in
 * production the same day), never taken back.
 */
public enum ProjectStatus {
    PLANNED,
    SIGNED,
    UNDER_CONSTRUCTION,
    IN_PRODUCTION,
    CANCELLED;

    public boolean isFinal() {
        return this == IN_PRODUCTION || this == CANCELLED;
    }

    public boolean canMoveTo(ProjectStatus next) {
        if (isFinal()) {
            return false;
        }
        return next == CANCELLED || next.ordinal() > ordinal();
    }
}
