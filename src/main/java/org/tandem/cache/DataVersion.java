package org.tandem.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * A number that moves whenever data changes: after every committed transaction that created, changed or
 * deleted an entity in this instance (announced by a {@link DataChanged} event, which the audit interceptor
 * publishes as it sees them all), and, on PostgreSQL, whenever another instance says it committed one
 * ({@link ChangeListener}). {@link ReadCache} keeps a read only as long as this number has not moved.
 * <p>
 * While changes of other instances might go unheard (the listener is not connected), {@link #current()} is
 * {@link #UNKNOWN} and nothing is served from the cache.
 */
@ApplicationScoped
public class DataVersion {

    /** The version while changes made elsewhere might be missed: cache nothing. */
    public static final long UNKNOWN = -1;

    private static final Object REGISTERED = DataVersion.class;

    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    ChangeListener others;
    @Inject
    WriteTimings timings;

    private final AtomicLong version = new AtomicLong();

    /** The current version, or {@link #UNKNOWN}. */
    public long current() {
        return others.hearing() ? version.get() : UNKNOWN;
    }

    /** Data has changed here: move the version now and tell the other instances. */
    public void changed() {
        version.incrementAndGet();
        others.tell();
    }

    /** Data has changed elsewhere: move the version. */
    void changedElsewhere() {
        version.incrementAndGet();
    }

    /**
     * The current transaction changes data: move the version once it has committed (without a transaction,
     * at once). Moving it only after the commit is what keeps a read that began before it from being kept.
     * Observed in the publisher's transaction rather than after it, so that a change flushed while the
     * transaction is already completing still moves the version (see below).
     */
    void changedOnCommit(@Observes DataChanged event) {
        if (transactions.getTransactionKey() == null) {
            changed();
            return;
        }
        if (transactions.getResource(REGISTERED) != null) {
            return;
        }
        try {
            transactions.registerInterposedSynchronization(afterCommit(timings.began()));
        } catch (IllegalStateException tooLate) {
            // The transaction is already completing (a change flushed at its very end). Moving the version now,
            // before the commit, could let a read overlapping it be kept; moving it now and once more soon
            // after leaves such a read a moment at most.
            changed();
            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(this::changed);
            return;
        }
        transactions.putResource(REGISTERED, Boolean.TRUE);
    }

    private Synchronization afterCommit(long began) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                timings.ended(began, status);
                if (status == Status.STATUS_COMMITTED) {
                    changed();
                }
            }
        };
    }
}
