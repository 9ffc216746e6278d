package org.tandem.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Counts refused logins for {@code /q/metrics} as {@code tandem_login_failures_total}, by a reason from a fixed
 * set, never by username or address. The client gets the same 401 for every reason but a limit (429); the
 * reason is for whoever watches the service, e.g. a rise of {@code wrong_password} is someone guessing.
 */
@Startup
@ApplicationScoped
class LoginMetrics {

    static final String FAILURES = "tandem.login.failures";

    /** Why a login was refused. */
    enum Reason {
        /** No user of that name. */
        UNKNOWN_USER,
        /** The password is wrong (whether or not the account was usable). */
        WRONG_PASSWORD,
        /** The password is right but the account is disabled or locked (or its password changed meanwhile). */
        ACCOUNT_UNUSABLE,
        /** Over a per-username or per-address limit, or too many password checks at once: 429, nothing checked. */
        RATE_LIMITED;

        final String label = name().toLowerCase(java.util.Locale.ROOT);
    }

    private final Counter[] failures = new Counter[Reason.values().length];

    @Inject
    LoginMetrics(MeterRegistry registry) {
        for (Reason reason : Reason.values()) {
            failures[reason.ordinal()] = Counter.builder(FAILURES).description("Logins refused, by reason")
                    .tag("reason", reason.label).register(registry);
        }
    }

    void failed(Reason reason) {
        failures[reason.ordinal()].increment();
    }
}
