package org.tandem.report;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.tandem.security.CurrentUserAugmentor;
import org.tandem.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * What of a programme's reports the caller sees: admins, assessors and viewers everything; a county editor its own pairs'
 * detail.
 */
@RequestScoped
public class ReportAccess {

    @Inject
    SecurityIdentity identity;

    /**
     * The county whose pairs alone the caller sees in per-pair figures, or null when the caller sees every pair. A
     * county editor bound to no county sees none (an empty code matches no pair).
     */
    public String ownCounty() {
        if (identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.ASSESSOR) || identity.hasRole(Roles.VIEWER)) {
            return null;
        }
        String county = identity.getAttribute(CurrentUserAugmentor.COUNTY);
        return county == null ? "" : county;
    }
}
