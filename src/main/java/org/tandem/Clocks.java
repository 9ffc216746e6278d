package org.tandem;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The clock the service tells the time by where the time decides something (a submission late or on time, a due
 * date passed, an objection window closed): one bean, injected rather than read from the system, so that a test can
 * move it (QuarkusMock: hence a normal scope) instead of waiting.
 */
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
