package org.tandem.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hibernate.SessionFactory;
import org.tandem.cache.DataVersion;

import io.quarkus.arc.Arc;

/** Counts the SQL statements a request costs when nothing is served from the read cache. */
public final class Statements {

    private Statements() {
    }

    /** The statements prepared while {@code request} runs, every kept read let go first. */
    public static long of(Runnable request) {
        // The admin's token is fetched (once per signing key) before counting: after a restart for another test
        // profile the request's own login would otherwise be counted with it.
        Api.api();
        // Moving the version lets every kept read go, so the count is that of reading from the database.
        Arc.container().instance(DataVersion.class).get().changed();
        long statements = kept(request);
        assertTrue(statements > 0, "the request read nothing from the database: was it served from a cache?");
        return statements;
    }

    /** The statements prepared while {@code request} runs, what is kept left as it is. */
    public static long kept(Runnable request) {
        Api.api();
        var statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        statistics.clear();
        request.run();
        return statistics.getPrepareStatementCount();
    }
}
