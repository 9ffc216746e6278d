package org.tandem.cache;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tandem.support.Api;

/** What the tests of kept reads share: waiting until reads are kept, and counting those sent early. */
final class KeptReads {

    private static final Pattern SENT_EARLY = Pattern
            .compile("(?m)^tandem_reads_kept_early_total(?:\\{[^}]*\\})? (\\S+)$");

    private KeptReads() {
    }

    /** Waits (5 s at most) until reads are kept: on PostgreSQL, only once other instances' changes are heard. */
    static void awaitKept(DataVersion data) throws InterruptedException {
        for (int i = 0; i < 100 && data.current() == DataVersion.UNKNOWN; i++) {
            Thread.sleep(50);
        }
    }

    /** How many kept reads {@link KeptReadRoute} has sent so far, from {@code /q/metrics}. */
    static double sentEarly() {
        String metrics = Api.raw().get("/q/metrics")
                .then().statusCode(200).extract().asString();
        Matcher found = SENT_EARLY.matcher(metrics);
        assertTrue(found.find(), "no tandem_reads_kept_early_total in /q/metrics");
        return Double.parseDouble(found.group(1));
    }
}
