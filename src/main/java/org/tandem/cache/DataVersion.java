package org.tandem.cache;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * When data last changed, by scope. Every committed transaction that created, changed or deleted an entity in
 * this instance (announced by {@link DataChanged} events, which the audit interceptor publishes as it sees them)
 * moves a sequence number and marks the scopes it changed ({@link ScopedData}: a pairing, a programme's records,
 * its pairings, its assessments, the users) with it; a change of reference data (anything not scoped) marks
 * every scope at once. On PostgreSQL the same happens whenever another instance says it committed one
 * ({@link ChangeListener}). {@link ReadCache} keeps a read as long as none of the scopes it depends on has
 * changed since it began, so a clerk's write in one pair leaves the counties and other programmes' reads alone.
 * <p>
 * While changes of other instances might go unheard (the listener is not connected), {@link #current()} is
 * {@link #UNKNOWN} and nothing is served from the cache.
 */
@ApplicationScoped
public class DataVersion {

    /** The version while changes made elsewhere might be missed: cache nothing. */
    public static final long UNKNOWN = -1;

    /** The transaction's scopes changed so far, in the transaction registry. */
    private static final Object PENDING = DataVersion.class;

    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    ChangeListener others;
    @Inject
    WriteTimings timings;

    private final AtomicLong sequence = new AtomicLong();
    /** When anything changed last, and when data that is not scoped (so: every scope) changed last. */
    private final AtomicLong anyChangedAt = new AtomicLong();
    private final AtomicLong everythingChangedAt = new AtomicLong();
    /** When each scope changed last (scopes never changed are absent). */
    private final ConcurrentHashMap<String, Long> scopeChangedAt = new ConcurrentHashMap<>();

    /** The current version, or {@link #UNKNOWN}: a read that begins now is fresh as long as it is unchanged since this. */
    public long current() {
        return others.hearing() ? sequence.get() : UNKNOWN;
    }

    /**
     * Whether nothing a read depends on has changed since version {@code since}: none of {@code scopes}, nor any
     * data that is not scoped; or, when {@code scopes} is null (the read named none), nothing at all.
     */
    public boolean unchangedSince(long since, Set<String> scopes) {
        if (since == UNKNOWN || !others.hearing() || everythingChangedAt.get() > since) {
            return false;
        }
        if (scopes == null) {
            return anyChangedAt.get() <= since;
        }
        for (String scope : scopes) {
            Long changedAt = scopeChangedAt.get(scope);
            if (changedAt != null && changedAt > since) {
                return false;
            }
        }
        return true;
    }

    /** Data has changed here, any of it: move every scope now and tell the other instances. */
    public void changed() {
        changed(null);
    }

    /** These scopes (null: all) have changed here: move them now and tell the other instances. */
    void changed(Set<String> scopes) {
        if (scopes != null && scopes.isEmpty()) {
            return;
        }
        mark(scopes);
        others.tell(scopes);
    }

    /** These scopes (null: all) have changed elsewhere: move them. */
    void changedElsewhere(Set<String> scopes) {
        mark(scopes);
    }

    private void mark(Set<String> scopes) {
        long now = sequence.incrementAndGet();
        if (scopes == null) {
            everythingChangedAt.accumulateAndGet(now, Math::max);
        } else {
            for (String scope : scopes) {
                scopeChangedAt.merge(scope, now, Math::max);
            }
        }
        anyChangedAt.accumulateAndGet(now, Math::max);
    }

    /** The scopes a transaction changed, gathered until it commits. */
    private static final class Pending {
        boolean everything;
        final Set<String> scopes = new HashSet<>();

        void add(Set<String> changed) {
            if (changed == null) {
                everything = true;
            } else if (!everything) {
                scopes.addAll(changed);
            }
        }

        Set<String> scopes() {
            return everything ? null : scopes;
        }
    }

    /**
     * The current transaction changes data: move its scopes once it has committed (without a transaction, at
     * once). Moving them only after the commit is what keeps a read that began before it from being kept.
     * Observed in the publisher's transaction rather than after it, so that a change flushed while the
     * transaction is already completing still moves them (see below).
     */
    void changedOnCommit(@Observes DataChanged event) {
        if (transactions.getTransactionKey() == null) {
            changed(event.scopes());
            return;
        }
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending != null) {
            pending.add(event.scopes());
            return;
        }
        Pending started = new Pending();
        started.add(event.scopes());
        try {
            transactions.registerInterposedSynchronization(afterCommit(started, timings.began()));
        } catch (IllegalStateException tooLate) {
            // The transaction is already completing (a change flushed at its very end). Moving the version now,
            // before the commit, could let a read overlapping it be kept; moving it now and once more soon
            // after leaves such a read a moment at most.
            changed(event.scopes());
            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> changed(event.scopes()));
            return;
        }
        transactions.putResource(PENDING, started);
    }

    private Synchronization afterCommit(Pending pending, long began) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                timings.ended(began, status);
                if (status == Status.STATUS_COMMITTED) {
                    changed(pending.scopes());
                }
            }
        };
    }
}
