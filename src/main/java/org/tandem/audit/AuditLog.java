package org.tandem.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.tandem.security.AccountEvent;
import org.tandem.security.Actor;
import org.tandem.web.RequestIds;

import io.agroal.api.AgroalDataSource;

/**
 * Writes audit events with plain JDBC on the datasource. Inside a transaction the pool hands out that
 * transaction's connection, so an event commits or rolls back with the change it records.
 * <p>
 * The events of entity changes are collected per transaction as they happen and written together in one JDBC
 * batch: when Hibernate has flushed ({@link AuditInterceptor#postFlush}), and at the latest before the
 * transaction completes. A run that writes thousands of rows then costs one batch instead of thousands of
 * single statements, and the events still commit or roll back with the changes they record.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = "insert into audit_event (id, occurred_at, actor, action, entity_type,"
            + " entity_id, before_state, after_state, request_id, context)"
            + " values (nextval('audit_event_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The key of the current transaction's pending events in the registry. */
    private static final Object PENDING = new Object();
    /** The key of the current transaction's context in the registry. */
    private static final Object CONTEXT = new Object();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Actor actor;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** One event as it will be written; who, when and the request are taken when it happens. */
    private record Event(Timestamp occurredAt, String actor, String action, String entityType, String entityId,
            String before, String after, String requestId, String context) {
    }

    /** The events of one transaction not written yet. */
    private final class Pending implements Synchronization {
        final List<Event> events = new ArrayList<>();

        @Override
        public void beforeCompletion() {
            // Usually empty by now: Hibernate's flush before completion has written them.
            write(this);
        }

        @Override
        public void afterCompletion(int status) {
            events.clear();
        }
    }

    /**
     * Records a change by the current actor in the current request. Inside a transaction it is written with
     * the transaction's other events, before the transaction completes; outside one, at once.
     */
    public void record(String action, String entityType, Object entityId, String before, String after) {
        Event event = event(action, entityType, entityId, before, after, actor.name(), context());
        Pending pending = pending();
        if (pending == null) {
            insert(List.of(event));
        } else {
            pending.events.add(event);
        }
    }

    /** Records an event at once, as done by {@code who}. */
    public void record(String action, String entityType, Object entityId, String before, String after, String who) {
        insert(List.of(event(action, entityType, entityId, before, after, who, null)));
    }

    /**
     * Records what security publishes about accounts at once, as done by whom the event names: inside the
     * publisher's transaction it commits with it; outside one, it is written for good whatever follows.
     */
    void onAccountEvent(@Observes AccountEvent event) {
        record(event.action(), AccountEvent.ENTITY_TYPE, event.userId(), event.before(), event.after(), event.actor());
    }

    /**
     * Names what the current transaction's changes are part of (e.g. {@code import:1001}): every event it records
     * from now on carries it. Outside a transaction it does nothing.
     */
    public void context(String context) {
        if (transactions.getTransactionKey() != null) {
            transactions.putResource(CONTEXT, truncate(context, 100));
        }
    }

    private String context() {
        return transactions.getTransactionKey() == null ? null : (String) transactions.getResource(CONTEXT);
    }

    /** Writes the events the current transaction has recorded so far, in one batch. */
    public void writePending() {
        if (transactions.getTransactionKey() == null) {
            return;
        }
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending != null) {
            write(pending);
        }
    }

    private void write(Pending pending) {
        if (pending.events.isEmpty()) {
            return;
        }
        List<Event> events = List.copyOf(pending.events);
        pending.events.clear();
        insert(events);
    }

    /** The current transaction's pending events, or null when there is no active transaction to hold them. */
    private Pending pending() {
        if (transactions.getTransactionKey() == null
                || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return null;
        }
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null) {
            pending = new Pending();
            try {
                transactions.registerInterposedSynchronization(pending);
            } catch (IllegalStateException e) {
                // Too late in the transaction to be called before it completes: written at once instead.
                return null;
            }
            transactions.putResource(PENDING, pending);
        }
        return pending;
    }

    private static Event event(String action, String entityType, Object entityId, String before, String after,
            String who, String context) {
        return new Event(Timestamp.from(Instant.now()), truncate(who, 100), action, entityType,
                entityId == null ? null : truncate(entityId.toString(), 100), before, after, RequestIds.current(),
                context);
    }

    private void insert(List<Event> events) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Event event : events) {
                insert.setTimestamp(1, event.occurredAt());
                insert.setString(2, event.actor());
                insert.setString(3, event.action());
                insert.setString(4, event.entityType());
                insert.setString(5, event.entityId());
                insert.setString(6, event.before());
                insert.setString(7, event.after());
                insert.setString(8, event.requestId());
                insert.setString(9, event.context());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            // An unrecorded change must not pass silently: failing here rolls the change back.
            throw new IllegalStateException("could not record an audit event", e);
        }
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
