package org.tandem.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is acting: the authenticated user of the current request, or {@code system} for work with no request
 * (background assessment runs record who asked for them on the run itself) and for what the service does on its
 * own ({@link #runAsSystem}: the first admin, a login's count of failures). {@code anonymous} is left for
 * requests without a token.
 */
@ApplicationScoped
public class Actor {

    /** The service itself: work no user asked for in a request of their own. */
    public static final String SYSTEM = "system";

    @Inject
    CurrentIdentityAssociation identities;

    /** Set while the service acts on its own, even inside a request or the start-up's request context. */
    private static final ThreadLocal<Boolean> ACTING_AS_SYSTEM = new ThreadLocal<>();

    /** Runs {@code work} as {@link #SYSTEM}: what it changes is audited as done by the service itself. */
    public static void runAsSystem(Runnable work) {
        Boolean outer = ACTING_AS_SYSTEM.get();
        ACTING_AS_SYSTEM.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            if (outer == null) {
                ACTING_AS_SYSTEM.remove();
            }
        }
    }

    public String name() {
        if (ACTING_AS_SYSTEM.get() != null || !Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity identity = identities.getIdentity();
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
