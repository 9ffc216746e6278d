package org.tandem.cooperation;

/**
 * A cooperation project's lifecycle: PLANNED → SIGNED → UNDER_CONSTRUCTION → IN_PRODUCTION, or CANCELLED
 * from any state that is not final. Steps may be skipped forward, never taken back; a skipped step is taken on
 * the date of the move (a project moved from PLANNED to IN_PRODUCTION was signed and started construction that
 * day), so that it counts wherever the step it skipped counts.
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
