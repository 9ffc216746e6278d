package org.tandem.security;

import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.tandem.problem.ProblemException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.RateLimitType;

/**
 * Keeps logins from starving the API: attempts are limited per username and per client address (rolling
 * windows, one rate limiter per key in a bounded cache), and only a few password checks run at a time, the
 * others waiting in a short queue. Each bcrypt check costs a quarter of a second of CPU, so without these a
 * storm of logins takes the CPU from every other request. An attempt over a limit is answered 429 with
 * {@code Retry-After} before any check, whether the username exists or not, so a limit tells nothing about
 * which users exist.
 */
@ApplicationScoped
class LoginLimits {

    private final AuthConfig.LoginLimit config;
    private final Cache<String, Guard> perUser;
    private final Cache<String, Guard> perAddress;
    private final Guard checks;
    @Inject
    LoginMetrics metrics;

    @Inject
    LoginLimits(AuthConfig auth) {
        this.config = auth.loginLimit();
        // A key's limiter is dropped once its window has passed unused: it then holds no attempts anyway.
        this.perUser = Caffeine.newBuilder().maximumSize(config.trackedKeys()).expireAfterAccess(config.window())
                .build();
        this.perAddress = Caffeine.newBuilder().maximumSize(config.trackedKeys())
                .expireAfterAccess(config.window()).build();
        this.checks = Guard.create().withDescription("password checks").withBulkhead()
                .limit(config.concurrentChecks()).queueSize(config.waitingChecks()).enableSynchronousQueueing()
                .done().build();
    }

    /** Runs {@code check} if neither the username nor the address is over its limit; 429 otherwise. */
    <T> T limit(String username, String address, Class<T> type, Supplier<T> check) {
        Guard user = perUser.get(username.toLowerCase(Locale.ROOT), k -> limiter(config.perUser()));
        Guard client = perAddress.get(address, k -> limiter(config.perAddress()));
        try {
            return client.get(() -> user.get(() -> checks.get(check, type), type), type);
        } catch (RateLimitException e) {
            metrics.failed(LoginMetrics.Reason.RATE_LIMITED);
            throw ProblemException.tooManyRequests("too many login attempts; try again later",
                    (e.getRetryAfterMillis() + 999) / 1000);
        } catch (BulkheadException e) {
            metrics.failed(LoginMetrics.Reason.RATE_LIMITED);
            throw ProblemException.tooManyRequests("too many logins at once; try again in a moment", 1);
        }
    }

    private Guard limiter(int attempts) {
        return Guard.create().withRateLimit().limit(attempts).window(config.window().toMillis(), ChronoUnit.MILLIS)
                .type(RateLimitType.ROLLING).done().build();
    }
}
