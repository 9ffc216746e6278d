package org.tandem;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The service's clock, for rules that depend on the time of day (an objection window closes a number of days after
 * it opened): injected rather than read from the system, so that a test can move it (QuarkusMock) instead of waiting.
 */
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
