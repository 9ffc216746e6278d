package org.tandem.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is acting: the authenticated user of the current request, or {@code system} for work with no request
 * (background assessment runs record who asked for them on the run itself).
 */
@ApplicationScoped
public class Actor {

    /** The service itself: work no user asked for in a request of their own. */
    public static final String SYSTEM = "system";

    @Inject
    CurrentIdentityAssociation identities;

    public String name() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity identity = identities.getIdentity();
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
