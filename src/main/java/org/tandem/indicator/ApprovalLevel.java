package org.tandem.indicator;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.notification.Notice;
import org.tandem.registry.Pairing;
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

    /**
     * Addresses {@code notice} to who acts at this level for {@code pairing}: the assessors for the province, the
     * reviewers of the pair's two cities for the city; the counties, who see every event of their pair, need nothing.
     */
    Notice audienceOf(Notice notice, Pairing pairing) {
        return switch (this) {
            case PROVINCE -> notice.toRoles(Roles.ASSESSOR);
            case CITY -> notice.toCities(List.of(pairing.industrialCounty.cityCode, pairing.mountainCounty.cityCode));
            case PAIR_COUNTIES -> notice;
        };
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
