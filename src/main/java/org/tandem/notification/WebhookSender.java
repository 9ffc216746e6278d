package org.tandem.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the webhooks' pending deliveries, outside any request and after the events' transactions committed, at
 * least once each: the database is the queue, so nothing is lost when the service stops.
 * <p>
 * A pass claims due deliveries (PENDING, or FAILED_RETRYING whose next attempt time has come, and not held by a
 * live lease) by a conditional update that sets this pass's lease on each: of several instances racing for a
 * delivery, exactly one update matches. It then sends them all at once ({@link WebhookClient}, which connects only
 * to the addresses it checked), and records each outcome under its lease: a 2xx is DELIVERED; anything else (another
 * status, a timeout, a refused connection) is FAILED_RETRYING with the next attempt after an exponential backoff,
 * or DEAD after {@code max-attempts}. A sender that stops mid-way leaves its lease to run out, and the delivery is
 * claimed and sent again: a receiver may see a delivery twice, and tells by {@code X-Tandem-Delivery}.
 * <p>
 * The timer ticks every {@code tandem.webhooks.poll-interval} but looks at the database only when there is reason
 * to: a commit here recorded deliveries ({@link #wake}), the earliest known next attempt has come, or
 * {@code sweep-interval} has passed (for what other instances recorded or left); and once at start-up.
 */
@ApplicationScoped
class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final String OPEN = "('" + DeliveryState.PENDING + "', '" + DeliveryState.FAILED_RETRYING + "')";
    private static final String DUE = "select id from webhook_delivery where state in " + OPEN
            + " and next_attempt_at <= ? and (lease_until is null or lease_until < ?)"
            + " order by next_attempt_at, id limit ?";
    private static final String CLAIM = "update webhook_delivery set lease_owner = ?, lease_until = ? where id = ?"
            + " and state in " + OPEN + " and (lease_until is null or lease_until < ?)";
    private static final String CLAIMED = "select d.id, d.attempts, w.url, w.secret, n.id, n.occurred_at,"
            + " n.event_type, n.subject_type, n.subject_id, n.pairing_id, n.calendar_year, n.actor, n.data"
            + " from webhook_delivery d join webhook w on w.id = d.webhook_id"
            + " join notification n on n.id = d.notification_id where d.lease_owner = ? and d.id in (%s)";
    private static final String OUTCOME = "update webhook_delivery set state = ?, attempts = ?, next_attempt_at = ?,"
            + " last_attempt_at = ?, last_status = ?, last_error = ?, delivered_at = ?, lease_owner = null,"
            + " lease_until = null where id = ? and lease_owner = ?";
    private static final String NEXT_DUE = "select min(case when lease_until > next_attempt_at then lease_until"
            + " else next_attempt_at end) from webhook_delivery where state in " + OPEN;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    WebhookConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    WebhookClient http;

    /** Set when there may be work: at start-up and after a commit that recorded deliveries. */
    private final AtomicBoolean woken = new AtomicBoolean(true);
    /** When the database is next looked at without being woken. */
    private volatile Instant nextLook = Instant.MIN;
    /** Set once the service is stopping: no pass starts, and one that fails for it is not a warning. */
    private volatile boolean stopping;

    /** One claimed delivery with what it sends. */
    private record Claimed(long id, int attempts, String url, String secret, String type, byte[] body, String owner) {
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** There are new deliveries: the next tick sends them. */
    void wake() {
        woken.set(true);
    }

    /** The current transaction makes deliveries due: once it commits, the next tick sends them. */
    void wakeAfterCommit(TransactionSynchronizationRegistry transactions) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    @Scheduled(identity = "webhook-deliveries", every = "${tandem.webhooks.poll-interval:PT1S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping || !woken.getAndSet(false) && Instant.now().isBefore(nextLook)) {
            return;
        }
        try {
            deliverDue();
        } catch (RuntimeException e) {
            if (stopping) {
                // The data source went away under a pass that began just before the stop: what it claimed is
                // sent again once its lease runs out.
                LOG.debugf(e, "webhook deliveries: a pass ended by the stop");
                return;
            }
            LOG.warnf(e, "webhook deliveries: a pass failed; trying again in %s", config.sweepInterval());
            nextLook = Instant.now().plus(config.sweepInterval());
        }
    }

    /**
     * One pass: claims and sends every delivery that is due, in batches, and answers how many it tried. Safe to run
     * on several instances at once.
     */
    int deliverDue() {
        int tried = 0;
        while (true) {
            List<Claimed> batch = claim();
            send(batch);
            tried += batch.size();
            if (batch.size() < config.batchSize()) {
                break;
            }
        }
        Instant sweep = Instant.now().plus(config.sweepInterval());
        Instant due = nextDue();
        nextLook = due != null && due.isBefore(sweep) ? due : sweep;
        return tried;
    }

    private List<Claimed> claim() {
        Instant now = Instant.now();
        String owner = UUID.randomUUID().toString();
        Timestamp until = Timestamp.from(now.plus(config.lease()));
        try (Connection connection = dataSource.getConnection()) {
            List<Long> due = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(DUE)) {
                select.setTimestamp(1, Timestamp.from(now));
                select.setTimestamp(2, Timestamp.from(now));
                select.setInt(3, config.batchSize());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(rows.getLong(1));
                    }
                }
            }
            if (due.isEmpty()) {
                return List.of();
            }
            List<Long> claimed = new ArrayList<>();
            try (PreparedStatement update = connection.prepareStatement(CLAIM)) {
                for (long id : due) {
                    update.setString(1, owner);
                    update.setTimestamp(2, until);
                    update.setLong(3, id);
                    update.setTimestamp(4, Timestamp.from(now));
                    update.addBatch();
                }
                int[] counts = update.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    // An update another instance won matched no row.
                    if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                        claimed.add(due.get(i));
                    }
                }
            }
            if (claimed.isEmpty()) {
                return List.of();
            }
            String placeholders = String.join(", ", Collections.nCopies(claimed.size(), "?"));
            List<Claimed> deliveries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(CLAIMED.formatted(placeholders))) {
                select.setString(1, owner);
                for (int i = 0; i < claimed.size(); i++) {
                    select.setLong(i + 2, claimed.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        deliveries.add(new Claimed(rows.getLong(1), rows.getInt(2), rows.getString(3),
                                rows.getString(4), rows.getString(7), body(rows), owner));
                    }
                }
            }
            return deliveries;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim webhook deliveries", e);
        }
    }

    /** The JSON a delivery sends: the event as the feed shows it, with its delivery's id. */
    private byte[] body(ResultSet row) throws SQLException {
        ObjectNode event = json.createObjectNode();
        event.put("deliveryId", row.getLong(1));
        event.put("id", row.getLong(5));
        event.put("type", row.getString(7));
        event.put("occurredAt", row.getTimestamp(6).toInstant().atOffset(ZoneOffset.UTC).toString());
        ObjectNode subject = event.putObject("subject");
        subject.put("type", row.getString(8));
        subject.put("id", row.getString(9));
        long pairingId = row.getLong(10);
        if (!row.wasNull()) {
            event.put("pairingId", pairingId);
        }
        int year = row.getInt(11);
        if (!row.wasNull()) {
            event.put("year", year);
        }
        event.put("actor", row.getString(12));
        try {
            // The data goes as recorded, byte for byte (decimals keep their scale): spliced in, not parsed again.
            String envelope = json.writeValueAsString(event);
            String body = envelope.substring(0, envelope.length() - 1) + ",\"data\":" + row.getString(13) + "}";
            return body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a delivery's JSON", e);
        }
    }

    private void send(List<Claimed> batch) {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (Claimed delivery : batch) {
            long timestamp = Instant.now().getEpochSecond();
            answers.add(http.post(delivery.url(), Map.of("Content-Type", "application/json",
                    "User-Agent", "Tandem-Webhooks/1", "X-Tandem-Event", delivery.type(),
                    "X-Tandem-Delivery", Long.toString(delivery.id()),
                    Signatures.HEADER, Signatures.header(delivery.secret(), timestamp, delivery.body())),
                    delivery.body()));
        }
        // Each answer comes within the request timeout; outcomes are written here, not on the client's
        // event loop.
        for (int i = 0; i < batch.size(); i++) {
            Integer status = null;
            Throwable failure = null;
            try {
                status = answers.get(i).join();
            } catch (CompletionException e) {
                failure = e.getCause() == null ? e : e.getCause();
            } catch (RuntimeException e) {
                failure = e;
            }
            record(batch.get(i), status, failure);
        }
    }

    private void record(Claimed delivery, Integer status, Throwable failure) {
        Instant now = Instant.now();
        int attempts = delivery.attempts() + 1;
        boolean delivered = failure == null && status != null && status >= 200 && status < 300;
        DeliveryState state = delivered ? DeliveryState.DELIVERED
                : attempts >= config.maxAttempts() ? DeliveryState.DEAD : DeliveryState.FAILED_RETRYING;
        Instant next = state == DeliveryState.FAILED_RETRYING ? now.plus(backoff(attempts)) : now;
        String error = delivered ? null
                : failure != null ? describe(failure) : "answered " + status;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(OUTCOME)) {
            update.setString(1, state.name());
            update.setInt(2, attempts);
            update.setTimestamp(3, Timestamp.from(next));
            update.setTimestamp(4, Timestamp.from(now));
            if (status == null) {
                update.setNull(5, Types.INTEGER);
            } else {
                update.setInt(5, status);
            }
            update.setString(6, error == null || error.length() <= 500 ? error : error.substring(0, 500));
            update.setTimestamp(7, delivered ? Timestamp.from(now) : null);
            update.setLong(8, delivery.id());
            update.setString(9, delivery.owner());
            if (update.executeUpdate() == 0) {
                LOG.infof("webhook delivery %d: outcome %s not recorded: its webhook was deleted, or its lease ran out and"
                        + " another pass sends it again",
                        delivery.id(), state);
            }
        } catch (SQLException e) {
            // The lease runs out and the delivery is sent again: at least once.
            LOG.warnf(e, "webhook delivery %d: could not record its outcome", delivery.id());
        }
        if (state == DeliveryState.FAILED_RETRYING && next.isBefore(nextLook)) {
            nextLook = next;
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: backoff × 2^(attempts − 1), at most max-backoff. */
    Duration backoff(int attempts) {
        Duration wait = config.backoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private Instant nextDue() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(NEXT_DUE);
                ResultSet row = select.executeQuery()) {
            row.next();
            Timestamp due = row.getTimestamp(1);
            return due == null ? null : due.toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the next webhook delivery due", e);
        }
    }
}
