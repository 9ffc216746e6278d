package org.tandem.indicator;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.security.Access;
import org.tandem.security.Roles;

/**
 * A level of a programme's approval chain, lowest first: both counties of the pair confirm (PAIR_COUNTIES), the
 * city above each county approves (CITY, a city-reviewer), the province approves (PROVINCE, an assessor).
 */
@Schema(name = "ApprovalLevel")
enum ApprovalLevel {
    PAIR_COUNTIES,
    CITY,
    PROVINCE;

    /** The sides that must each approve at this level: the two counties (or the city above each), or the province. */
    List<ApprovalSide> sides() {
        return this == PROVINCE ? List.of(ApprovalSide.PROVINCE) : List.of(ApprovalSide.INDUSTRIAL, ApprovalSide.MOUNTAIN);
    }

    /** The levels a caller acts at, by its roles: an admin at any. */
    static Set<ApprovalLevel> of(Access access) {
        if (access.hasRole(Roles.ADMIN)) {
            return EnumSet.allOf(ApprovalLevel.class);
        }
        Set<ApprovalLevel> levels = EnumSet.noneOf(ApprovalLevel.class);
        if (access.hasRole(Roles.COUNTY_EDITOR)) {
            levels.add(PAIR_COUNTIES);
        }
        if (access.hasRole(Roles.CITY_REVIEWER)) {
            levels.add(CITY);
        }
        if (access.hasRole(Roles.ASSESSOR)) {
            levels.add(PROVINCE);
        }
        return levels;
    }
}
