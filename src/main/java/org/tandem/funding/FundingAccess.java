package org.tandem.funding;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.tandem.security.CurrentUserAugmentor;
import org.tandem.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** What of the funding the caller sees and may do: a county editor reads only their county's pairs. */
@RequestScoped
class FundingAccess {

    @Inject
    SecurityIdentity identity;

    /**
     * The county whose pairs alone the caller sees, or null when the caller sees every pair. A county editor bound
     * to no county sees none (an empty code matches no pair).
     */
    String ownCounty() {
        if (identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.ASSESSOR) || identity.hasRole(Roles.VIEWER)) {
            return null;
        }
        String county = identity.getAttribute(CurrentUserAugmentor.COUNTY);
        return county == null ? "" : county;
    }

    boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }
}
