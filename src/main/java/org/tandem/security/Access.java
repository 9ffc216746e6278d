package org.tandem.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;

import io.quarkus.security.identity.SecurityIdentity;

/** Checks that go deeper than a role: a county editor writes only its own county's pairings. */
@RequestScoped
public class Access {

    @Inject
    SecurityIdentity identity;

    /** Refuses with 403 unless the caller may write this pairing's records. */
    public void checkPairing(Pairing pairing) {
        if (identity.hasRole(Roles.ADMIN)) {
            return;
        }
        String county = identity.getAttribute(CurrentUserAugmentor.COUNTY);
        boolean own = county != null
                && (county.equals(pairing.industrialCounty.code) || county.equals(pairing.mountainCounty.code));
        if (!identity.hasRole(Roles.COUNTY_EDITOR) || !own) {
            throw new ProblemException(403, "not-your-pairing", "Forbidden",
                    "only an admin or a county editor of " + pairing.industrialCounty.name + " or "
                            + pairing.mountainCounty.name + " may change this pairing's data",
                    null);
        }
    }
}
