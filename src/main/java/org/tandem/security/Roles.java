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
    /**
     * Bound to one city: approves or returns the pair-years of its city's counties at the CITY level of a
     * programme's approval chain.
     */
    public static final String CITY_REVIEWER = "city-reviewer";
    /** Reads only. */
    public static final String VIEWER = "viewer";

    public static final Set<String> ALL = Set.of(ADMIN, ASSESSOR, COUNTY_EDITOR, CITY_REVIEWER, VIEWER);

    private Roles() {
    }
}
