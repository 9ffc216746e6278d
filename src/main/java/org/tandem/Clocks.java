package org.tandem;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clock the service tells the time by where the time decides something (a submission late or on time, a due
 * date passed). One bean, so that a test or a replay can put another in its place.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
