package org.tandem.security;

import java.util.Set;

/** The roles of Tandem. Annotations need constants, so these are strings rather than an enum. */
public final class Roles {

    /** Everything: users, programs, schemes. */
    public static final String ADMIN = "admin";
    /** Schemes, runs, adjustments, finalize; approves or returns actuals. */
    public static final String ASSESSOR = "assessor";
    /** Bound to one county: writes its own pairings' records, targets and actuals, and submits them. */
    public static final String COUNTY_EDITOR = "county-editor";
    /** Reads only. */
    public static final String VIEWER = "viewer";

    public static final Set<String> ALL = Set.of(ADMIN, ASSESSOR, COUNTY_EDITOR, VIEWER);

    private Roles() {
    }
}
