package org.tandem.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tandem.cache.DataVersion;
import org.tandem.cache.ReadCache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the token check needs of the users that tokens name, kept while no user has changed ({@link DataVersion}'s
 * scope {@link AppUser#SCOPE}): a request's user is read from the database once per change of the user table, not
 * once per request, and a disabled user or a change of roles still applies to the next request after its commit.
 * Apart from the {@link ReadCache} and its size, which is about reads of data: turning that off does not send every
 * request's token check to the database.
 */
@ApplicationScoped
class KnownUsers {

    /** What the token check needs of a user, and its rights as the read cache keys by them. */
    record User(boolean enabled, Set<String> roles, String county, String city, String rights) {

        User(boolean enabled, Set<String> roles, String county, String city) {
            this(enabled, roles, county, city, ReadCache.rights(roles, county) + (city == null ? "" : " city=" + city));
        }
    }

    /** A user as read at version {@code since}. */
    private record Known(long since, User user) {
    }

    private static final Set<String> USERS = Set.of(AppUser.SCOPE);
    /** More than any programme has users; a user pushed out is read again at its next request. */
    private static final int MAX_USERS = 10_000;

    @Inject
    DataVersion data;

    private final Cache<String, Known> known = Caffeine.newBuilder().maximumSize(MAX_USERS).executor(Runnable::run)
            .build();

    /** The user named so, if known and unchanged since it was read; else null. Never reads the database. */
    User kept(String username) {
        Known found = known.getIfPresent(username);
        return found != null && data.unchangedSince(found.since(), USERS) ? found.user() : null;
    }

    /** The user named so, or null if there is none: read from the database (so on a worker thread) and kept. */
    User read(String username) {
        // The version is taken before reading: a change committed meanwhile makes what was read stale at once.
        long since = data.current();
        User user = QuarkusTransaction.requiringNew().call(() -> {
            AppUser found = AppUser.findByUsername(username);
            return found == null ? null
                    : new User(found.enabled, Set.copyOf(found.roles), found.countyCode, found.cityCode);
        });
        if (user != null && since != DataVersion.UNKNOWN) {
            // A read that began before a later one's, and ends after it, does not replace what that one kept.
            known.asMap().merge(username, new Known(since, user),
                    (held, fresh) -> held.since() > fresh.since() ? held : fresh);
        }
        return user;
    }
}
