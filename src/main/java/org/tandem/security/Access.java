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
}
