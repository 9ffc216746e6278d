package org.tandem.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.tandem.problem.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;

/** Checks that go deeper than a role: a county editor writes only its own county's pairings. */
@RequestScoped
public class Access {

    @Inject
    SecurityIdentity identity;

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The county the caller is bound to as a county editor, or null. */
    public String county() {
        return identity.hasRole(Roles.COUNTY_EDITOR) ? identity.getAttribute(CurrentUserAugmentor.COUNTY) : null;
    }

    /** The city the caller is bound to as a city reviewer, or null. */
    public String city() {
        return identity.hasRole(Roles.CITY_REVIEWER) ? identity.getAttribute(CurrentUserAugmentor.CITY) : null;
    }

    /** Refuses with 403 unless the caller may write this pairing's records. */
    public void checkPairing(CountyScoped pairing) {
        if (identity.hasRole(Roles.ADMIN)) {
            return;
        }
        String county = identity.getAttribute(CurrentUserAugmentor.COUNTY);
        boolean own = county != null && pairing.countyCodes().contains(county);
        if (!identity.hasRole(Roles.COUNTY_EDITOR) || !own) {
            throw new ProblemException(403, "not-your-pairing", "Forbidden",
                    "only an admin or a county editor of " + String.join(" or ", pairing.countyNames())
                            + " may change this pairing's data",
                    null);
        }
    }

    /**
     * Refuses with 403 when a county editor asks for what belongs to a pairing of other counties: data kept closer
     * than the records themselves (evidence documents). Admins, assessors and viewers read every pairing's.
     */
    public void checkPairingRead(CountyScoped pairing) {
        if (!identity.hasRole(Roles.COUNTY_EDITOR) || identity.hasRole(Roles.ADMIN)
                || identity.hasRole(Roles.ASSESSOR) || identity.hasRole(Roles.VIEWER)) {
            return;
        }
        String county = identity.getAttribute(CurrentUserAugmentor.COUNTY);
        if (county == null || !pairing.countyCodes().contains(county)) {
            throw new ProblemException(403, "not-your-pairing", "Forbidden",
                    "only editors of " + String.join(" or ", pairing.countyNames())
                            + " among the county editors may read this pairing's documents",
                    null);
        }
    }

    /** Refuses with 403 unless the caller has one of {@code roles}; {@code what} names the write refused. */
    public void checkAnyRole(String what, String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return;
            }
        }
        throw new ProblemException(403, "forbidden", "Forbidden",
                "only " + String.join(" or ", roles) + " may " + what, null);
    }
}
