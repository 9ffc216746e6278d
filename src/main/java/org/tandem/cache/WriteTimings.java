package org.tandem.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * Times write transactions for {@code /q/metrics} as {@code tandem_writes_seconds}: from a transaction's begin to
 * the end of its commit (flush, audit, the database's commit and its sync to disk included), for every
 * transaction that created, changed or deleted an entity ({@link DataChanged}, as {@link DataVersion} sees them),
 * whoever ran it: a request, an assessment run, the generator. Tagged {@code outcome}: committed or rolled_back.
 * Reads, and writes past Hibernate announced after their commit, are not timed here; a request's own latency is
 * in {@code http_server_requests_seconds} by method and route template.
 */
@Startup
@ApplicationScoped
class WriteTimings {

    static final String WRITES = "tandem.writes";
    private static final Object BEGAN = WriteTimings.class;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final Timer committed;
    private final Timer rolledBack;

    @Inject
    WriteTimings(MeterRegistry registry) {
        committed = timer(registry, "committed");
        rolledBack = timer(registry, "rolled_back");
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder(WRITES).description("Transactions that wrote data, from their begin to their end")
                .tag("outcome", outcome).publishPercentileHistogram().register(registry);
    }

    /** Notes when each transaction began (Quarkus announces every begin, in the transaction). */
    void began(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        transactions.putResource(BEGAN, System.nanoTime());
    }

    /** When the current transaction began ({@link System#nanoTime()}), or -1 if unknown. */
    long began() {
        return transactions.getResource(BEGAN) instanceof Long began ? began : -1;
    }

    /** A write transaction that {@link #began()} at {@code began} ended with {@code status}. */
    void ended(long began, int status) {
        if (began >= 0) {
            (status == Status.STATUS_COMMITTED ? committed : rolledBack).record(System.nanoTime() - began,
                    java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
