package org.tandem.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.tandem.security.Actor;
import org.tandem.web.RequestIds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * The outbox: records an event once, in the transaction of its cause, so that it commits or rolls back with it.
 * Features call {@link #record} explicitly where the event happens (see {@link Notice} for an example); nothing
 * records one behind their back.
 * <p>
 * The event, who may see it, and one pending delivery for each active webhook subscribed to its type are plain
 * inserts on the transaction's connection: four statements, whatever the number of readers or webhooks. Nothing is
 * sent here: once the transaction has committed, {@link WebhookSender} is told that there is work, and sends it
 * outside any request, so a receiver that is down never blocks or slows the write.
 */
@ApplicationScoped
public class Notifications {

    private static final String NEXT_ID = "select nextval('notification_seq')";
    private static final String INSERT = "insert into notification (id, occurred_at, event_type, subject_type,"
            + " subject_id, pairing_id, calendar_year, actor, request_id, data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_AUDIENCE = "insert into notification_audience (audience, notification_id)"
            + " values (?, ?)";
    private static final String INSERT_DELIVERIES = "insert into webhook_delivery (id, webhook_id, notification_id,"
            + " state, attempts, next_attempt_at, created_at) select nextval('webhook_delivery_seq'), w.id, ?, '"
            + DeliveryState.PENDING + "', 0, ?, ? from webhook w join webhook_event_type t on t.webhook_id = w.id"
            + " where t.event_type = ? and w.active = true";
    private static final int MAX_DATA = 8000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Actor actor;
    @Inject
    ObjectMapper json;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    WebhookSender sender;

    /**
     * Records {@code notice} as done by the current actor, in the caller's transaction (required: without one this
     * fails rather than record an event whose cause may not commit). Answers the event's id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long record(Notice notice) {
        String data;
        try {
            data = json.writeValueAsString(notice.data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a notice's data must be JSON-writable", e);
        }
        if (data.length() > MAX_DATA) {
            throw new IllegalArgumentException("a notice's data is longer than " + MAX_DATA + " characters");
        }
        Timestamp now = Timestamp.from(Instant.now());
        int deliveries;
        long id;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement next = connection.prepareStatement(NEXT_ID); ResultSet row = next.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setLong(1, id);
                insert.setTimestamp(2, now);
                insert.setString(3, notice.type.name());
                insert.setString(4, truncate(notice.subjectType, 40));
                insert.setString(5, truncate(notice.subjectId, 100));
                if (notice.pairingId == null) {
                    insert.setNull(6, Types.BIGINT);
                    insert.setNull(7, Types.INTEGER);
                } else {
                    insert.setLong(6, notice.pairingId);
                    insert.setInt(7, notice.year);
                }
                insert.setString(8, truncate(actor.name(), 100));
                insert.setString(9, RequestIds.current());
                insert.setString(10, data);
                insert.executeUpdate();
            }
            if (!notice.audiences.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT_AUDIENCE)) {
                    for (String audience : notice.audiences) {
                        insert.setString(1, truncate(audience, 48));
                        insert.setLong(2, id);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_DELIVERIES)) {
                insert.setLong(1, id);
                insert.setTimestamp(2, now);
                insert.setTimestamp(3, now);
                insert.setString(4, notice.type.name());
                deliveries = insert.executeUpdate();
            }
        } catch (SQLException e) {
            // The cause must not commit without its event: failing here rolls it back.
            throw new IllegalStateException("could not record a notification", e);
        }
        if (deliveries > 0) {
            sender.wakeAfterCommit(transactions);
        }
        return id;
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
