package org.tandem.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.tandem.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Checks a username and password and keeps the count of failed logins.
 * <p>
 * The password is checked outside any transaction and without a database connection: bcrypt takes a quarter
 * of a second, and holding a pooled connection that long let a storm of logins take every connection from the
 * rest of the API. The user is read in one short transaction before, and the outcome written in another after.
 * A failure is counted by one atomic {@code update ... set failed_logins = failed_logins + 1}, so parallel
 * guesses neither lose counts nor fail on optimistic locking: the account locks at exactly
 * {@link AuthConfig#maxFailedLogins()} failures, however they arrive. Every failure, whatever its reason (no such
 * user, disabled, locked, wrong password), is audited and answered with the same 401.
 */
@ApplicationScoped
class Logins {

    /** Counts one failure; the failure that reaches the limit locks the account and starts the count again. */
    private static final String COUNT_FAILURE = "update app_user set"
            + " failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end,"
            + " locked_until = case when failed_logins + 1 >= :max then :until else locked_until end"
            + " where id = :id and enabled = true and (locked_until is null or locked_until <= :now)";

    @Inject
    AuthConfig config;
    @Inject
    Event<AccountEvent> audit;
    @Inject
    ObjectMapper json;
    @Inject
    LoginMetrics metrics;

    /** What a login needs of a user, read before the password check. */
    private record Snapshot(long id, String passwordHash) {
    }

    /** Who logged in: what goes into the token. */
    record Account(long id, String username, Set<String> roles, String county, String passwordHash) {
    }

    /** The account if the password is right and the account usable; otherwise a 401, alike for every reason. */
    Account authenticate(String username, String password) {
        Snapshot user = QuarkusTransaction.requiringNew().call(() -> {
            AppUser found = AppUser.findByUsername(username);
            return found == null ? null : new Snapshot(found.id, found.passwordHash);
        });
        // Run for unknown users too (against a dummy hash), so timing tells nothing either.
        boolean right = Passwords.matches(password, user == null ? null : user.passwordHash());
        if (user == null) {
            metrics.failed(LoginMetrics.Reason.UNKNOWN_USER);
            throw failed(username, null);
        }
        Account account = right ? succeed(user) : null;
        if (account == null) {
            if (!right) {
                countFailure(user.id(), username);
            }
            metrics.failed(right ? LoginMetrics.Reason.ACCOUNT_UNUSABLE : LoginMetrics.Reason.WRONG_PASSWORD);
            throw failed(username, user.id());
        }
        return account;
    }

    /**
     * Takes a right password if the account is still usable and still has that password, and clears its count
     * of failures; null if not.
     */
    private Account succeed(Snapshot user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now();
            AppUser found = AppUser.getEntityManager().find(AppUser.class, user.id(),
                    jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (found == null || !found.enabled || found.isLocked(now)
                    || !found.passwordHash.equals(user.passwordHash())) {
                return null;
            }
            if (found.failedLogins != 0 || found.lockedUntil != null) {
                int failures = found.failedLogins;
                OffsetDateTime lockedUntil = found.lockedUntil;
                AppUser.getEntityManager()
                        .createNativeQuery("update app_user set failed_logins = 0, locked_until = null where id = :id")
                        .setParameter("id", user.id()).executeUpdate();
                audit.fire(new AccountEvent("UPDATE", user.id(), counts(failures, lockedUntil), counts(0, null),
                        Actor.SYSTEM));
            }
            return new Account(found.id, found.username, Set.copyOf(found.roles), found.countyCode,
                    found.passwordHash);
        });
    }

    private void countFailure(long id, String username) {
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            OffsetDateTime until = now.plus(config.lockDuration());
            var em = AppUser.getEntityManager();
            int counted = em.createNativeQuery(COUNT_FAILURE).setParameter("max", config.maxFailedLogins())
                    .setParameter("until", until)
                    .setParameter("now", now).setParameter("id", id).executeUpdate();
            if (counted == 0) {
                return;
            }
            // The row stays locked by this transaction, so this reads what the update above left.
            Number failures = (Number) em.createNativeQuery("select failed_logins from app_user where id = :id")
                    .setParameter("id", id).getSingleResult();
            if (failures.intValue() == 0) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("username", username);
                after.put("lockedUntil", until.toString());
                audit.fire(new AccountEvent("ACCOUNT_LOCKED", id, null, write(after), Actor.SYSTEM));
            }
        });
    }

    private ProblemException failed(String username, Long id) {
        audit.fire(new AccountEvent("LOGIN_FAILED", id, null, null, username));
        return new ProblemException(401, "invalid-credentials", "Unauthorized",
                "wrong username or password, or the account is locked for a while", null);
    }

    private String counts(int failures, OffsetDateTime lockedUntil) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("failedLogins", failures);
        values.put("lockedUntil", lockedUntil == null ? null : lockedUntil.toString());
        return write(values);
    }

    private String write(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
