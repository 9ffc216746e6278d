package org.tandem.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Writes audit events with plain JDBC on the datasource. Inside a transaction the pool hands out that
 * transaction's connection, so an event commits or rolls back with the change it records.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = "insert into audit_event (id, occurred_at, actor, action, entity_type,"
            + " entity_id, before_state, after_state, request_id) values (nextval('audit_event_seq'), ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Actor actor;

    public void record(String action, String entityType, Object entityId, String before, String after) {
        record(action, entityType, entityId, before, after, actor.name());
    }

    public void record(String action, String entityType, Object entityId, String before, String after, String who) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setTimestamp(1, Timestamp.from(Instant.now()));
            insert.setString(2, truncate(who, 100));
            insert.setString(3, action);
            insert.setString(4, entityType);
            insert.setString(5, entityId == null ? null : truncate(entityId.toString(), 100));
            insert.setString(6, before);
            insert.setString(7, after);
            insert.setString(8, RequestIds.current());
            insert.executeUpdate();
        } catch (SQLException e) {
            // An unrecorded change must not pass silently: failing here rolls the change back.
            throw new IllegalStateException("could not record an audit event", e);
        }
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
