package org.tandem.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tandem.cache.ReadCache;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Completes the identity of a verified token. For the built-in provider the user is read again, so a
 * disabled user is refused at once and a change of roles applies without waiting for the token to expire:
 * "again" means from {@link KnownUsers}, which forgets every user as soon as any user changes.
 * The county a county editor is bound to becomes the identity's {@code county} attribute, the city a city reviewer
 * is bound to its {@code city} attribute.
 */
@ApplicationScoped
public class CurrentUserAugmentor implements SecurityIdentityAugmentor {

    public static final String COUNTY = ReadCache.COUNTY;
    /** The identity attribute naming the city a city reviewer is bound to. */
    public static final String CITY = "city";

    @Inject
    AuthConfig config;
    @Inject
    KnownUsers users;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (config.builtin().issuer().equals(token.getIssuer())) {
            KnownUsers.User kept = users.kept(token.getName());
            if (kept != null) {
                // Known since the last change of any user: no need to leave the I/O thread for the database.
                return Uni.createFrom().item(() -> identity(identity, token, kept));
            }
            return context.runBlocking(() -> identity(identity, token, users.read(token.getName())));
        }
        Object county = token.getClaim(config.external().countyClaim());
        Object city = token.getClaim(config.external().cityClaim());
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(COUNTY, county == null ? null : county.toString())
                .addAttribute(CITY, city == null ? null : city.toString()).build());
    }

    private static SecurityIdentity identity(SecurityIdentity identity, JsonWebToken token, KnownUsers.User user) {
        if (user == null || !user.enabled()) {
            throw new AuthenticationFailedException("the token's user is unknown or disabled");
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder().setPrincipal(token)
                .addCredentials(identity.getCredentials()).addRoles(user.roles()).setAnonymous(false)
                .addAttribute(ReadCache.RIGHTS, user.rights());
        if (user.county() != null) {
            builder.addAttribute(COUNTY, user.county());
        }
        if (user.city() != null) {
            builder.addAttribute(CITY, user.city());
        }
        return builder.build();
    }
}
