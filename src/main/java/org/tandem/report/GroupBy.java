package org.tandem.report;

import java.util.Locale;

import org.tandem.problem.ProblemException;

/** How a programme summary's figures are grouped: one group for the whole programme, or one per track, city or pair. */
public enum GroupBy {
    /** One group: the programme. */
    PROGRAM,
    /** One group per track; figures that belong to a pair rather than a track (parks, workflow, grades) are absent. */
    TRACK,
    /**
     * One group per city (地级市) of the pairs' mountain counties: every figure of a pair counts in its mountain county's city.
     */
    CITY,
    /** One group per pair. */
    PAIRING;

    /** The names the {@code groupBy} parameter takes. */
    public static final String NAMES = "program, track, city or pairing";

    /** The grouping {@code name} names, case aside; absent means {@link #PROGRAM}; anything else a 400 naming groupBy. */
    static GroupBy named(String name) {
        if (name == null || name.isBlank()) {
            return PROGRAM;
        }
        for (GroupBy groupBy : values()) {
            if (groupBy.name().equalsIgnoreCase(name.trim())) {
                return groupBy;
            }
        }
        throw ProblemException.invalid("groupBy", "must be " + NAMES);
    }

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
