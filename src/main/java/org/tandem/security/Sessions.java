package org.tandem.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.tandem.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.build.Jwt;

/**
 * Issues the token pair of the built-in provider and renews it without the password.
 * <p>
 * The access token is a short-lived JWT; the refresh token an opaque random secret (256 bits) kept only as its
 * SHA-256, with its own, longer lifetime ({@code tandem.auth.builtin.refresh-token-lifetime}). Each refresh
 * token is used once: a refresh answers a new pair and marks the old token used (rotation), and a used token
 * presented again refuses its whole family, since one of the two holders is not the user (OAuth 2.0 Security
 * Best Current Practice, section 4.14). A refresh is also refused once the user is disabled or their password,
 * roles or county changed since the login. Written with plain statements, so that a login does not count as a
 * change of data and empty the read cache.
 */
@ApplicationScoped
class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AuthConfig config;
    @Inject
    SigningKeys keys;
    @Inject
    Event<AccountEvent> audit;

    /** A new pair for a user who just proved who they are. */
    AuthResource.Token issue(Logins.Account user) {
        return QuarkusTransaction.requiringNew().call(() -> pair(user, UUID.randomUUID().toString()));
    }

    /** A new pair for the holder of a valid refresh token; 401 otherwise, the same for every reason. */
    AuthResource.Token refresh(String refreshToken) {
        String hash = sha256(refreshToken);
        Refused refused = new Refused();
        AuthResource.Token token = QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = AppUser.getEntityManager();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Object[] row = (Object[]) em.createNativeQuery("select user_id, family, user_stamp,"
                    + " case when used_at is null then 0 else 1 end, case when expires_at > :now then 1 else 0 end"
                    + " from refresh_token where token_hash = :hash for update").setParameter("now", now)
                    .setParameter("hash", hash).getResultStream().findFirst().orElse(null);
            if (row == null) {
                refused.why = "unknown refresh token";
                return null;
            }
            long userId = ((Number) row[0]).longValue();
            String family = (String) row[1];
            AppUser user = AppUser.findById(userId);
            refused.who = user == null ? null : user.username;
            refused.userId = userId;
            if (((Number) row[3]).intValue() == 1) {
                em.createNativeQuery("delete from refresh_token where family = :family")
                        .setParameter("family", family).executeUpdate();
                refused.why = "refresh token used again: its family is revoked";
                return null;
            }
            if (((Number) row[4]).intValue() == 0) {
                refused.why = "refresh token expired";
                return null;
            }
            if (user == null || !user.enabled || !stamp(user).equals(row[2])) {
                em.createNativeQuery("delete from refresh_token where family = :family")
                        .setParameter("family", family).executeUpdate();
                refused.why = "the user was disabled, or their password, roles or county changed";
                return null;
            }
            em.createNativeQuery("update refresh_token set used_at = :now where token_hash = :hash")
                    .setParameter("now", now).setParameter("hash", hash).executeUpdate();
            return pair(new Logins.Account(user.id, user.username, Set.copyOf(user.roles), user.countyCode,
                    user.passwordHash), family);
        });
        if (token == null) {
            // Written after the transaction, so the revocation above is kept whatever happens here.
            audit.fire(new AccountEvent("REFRESH_REFUSED", refused.userId, null,
                    "{\"reason\":\"" + refused.why + "\"}", refused.who == null ? "anonymous" : refused.who));
            throw new ProblemException(401, "invalid-refresh-token", "Unauthorized",
                    "the refresh token is unknown, expired, already used, or no longer valid for its user; log in again",
                    null);
        }
        audit.fire(new AccountEvent("TOKEN_REFRESHED", refused.userId, null, null, refused.who));
        return token;
    }

    /** Whose token it was, and why a refresh was refused: for the audit event. */
    private static final class Refused {
        String why;
        String who;
        Long userId;
    }

    private AuthResource.Token pair(Logins.Account user, String family) {
        long lifetime = config.builtin().tokenLifetime().toSeconds();
        var claims = Jwt.issuer(config.builtin().issuer()).upn(user.username()).subject(String.valueOf(user.id()))
                .groups(user.roles()).expiresIn(lifetime);
        if (user.county() != null) {
            claims.claim(CurrentUserAugmentor.COUNTY, user.county());
        }
        String access = claims.jws().keyId(keys.kid()).sign(keys.privateKey());

        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        var refreshLifetime = config.builtin().refreshTokenLifetime();
        EntityManager em = AppUser.getEntityManager();
        // The user's expired tokens go as new ones come, so the table holds only what can still be presented.
        em.createNativeQuery("delete from refresh_token where user_id = :user and expires_at < :now")
                .setParameter("user", user.id()).setParameter("now", now).executeUpdate();
        em.createNativeQuery("insert into refresh_token (token_hash, family, user_id, user_stamp, issued_at,"
                + " expires_at) values (:hash, :family, :user, :stamp, :now, :expires)")
                .setParameter("hash", sha256(refresh)).setParameter("family", family).setParameter("user", user.id())
                .setParameter("stamp", stamp(user.passwordHash(), user.roles(), user.county()))
                .setParameter("now", now).setParameter("expires", now.plus(refreshLifetime)).executeUpdate();
        return new AuthResource.Token(access, "Bearer", lifetime, refresh, refreshLifetime.toSeconds());
    }

    private static String stamp(AppUser user) {
        return stamp(user.passwordHash, user.roles, user.countyCode);
    }

    /** What a refresh token was issued for: changing any of it ends the user's sessions. */
    private static String stamp(String passwordHash, Set<String> roles, String county) {
        return sha256(passwordHash + "\n" + String.join(",", roles.stream().sorted().toList()) + "\n" + county);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
