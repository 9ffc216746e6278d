package org.tandem.notification;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.tandem.audit.AuditLog;
import org.tandem.problem.ProblemException;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

import io.quarkus.panache.common.Parameters;

/** Admins' webhooks and what was sent to them. Callers run the writes in a transaction. */
@ApplicationScoped
class Webhooks {

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "url", "url");
    private static final Map<String, String> DELIVERY_SORTABLE = Map.of("id", "d.id");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    WebhookConfig config;
    @Inject
    WebhookSender sender;
    @Inject
    AuditLog audit;
    @Inject
    TransactionSynchronizationRegistry transactions;

    PageOf<WebhookView> list(PageRequest paging) {
        var query = Webhook.<Webhook> findAll(paging.toSort(SORTABLE, "id", "id")).page(paging.toPage());
        return PageOf.of(query.list().stream().map(WebhookView::of).toList(), paging, query::count);
    }

    Webhook create(WebhookInput input) {
        Webhook webhook = new Webhook();
        webhook.configure(input.url(), input.eventTypes(), input.description(), !Boolean.FALSE.equals(input.active()),
                config.allowPrivateAddresses());
        webhook.secret = input.secret() != null ? input.secret() : newSecret();
        webhook.persistAndFlush();
        return webhook;
    }

    void update(Webhook webhook, WebhookInput input) {
        webhook.configure(input.url(), input.eventTypes(), input.description(), !Boolean.FALSE.equals(input.active()),
                config.allowPrivateAddresses());
        if (input.secret() != null) {
            webhook.secret = input.secret();
        }
        webhook.persistAndFlush();
    }

    /** Its deliveries go with it, sent or not. */
    void delete(Webhook webhook) {
        webhook.delete();
        Webhook.flush();
    }

    /** A webhook's deliveries, newest first by default, with their events' types read in the same statement. */
    PageOf<DeliveryView> deliveries(Webhook webhook, DeliveryState state, PageRequest paging) {
        String where = "d.webhookId = :webhook" + (state == null ? "" : " and d.state = :state");
        Parameters parameters = Parameters.with("webhook", webhook.id);
        if (state != null) {
            parameters.and("state", state);
        }
        var query = WebhookDelivery.<WebhookDelivery> find("select d from WebhookDelivery d join fetch d.notification"
                + " where " + where, paging.toSort(DELIVERY_SORTABLE, "-id", "d.id"), parameters).page(paging.toPage());
        long total = paging.total(() -> WebhookDelivery.count(where.replace("d.", ""), parameters));
        return new PageOf<>(query.list().stream().map(DeliveryView::of).toList(), paging.page, paging.size, total);
    }

    /**
     * Sends a delivery again from its first attempt (after its receiver was mended): a DEAD one, or one waiting for
     * its next attempt, is due at once with its attempts counted afresh; 404 when it is not the webhook's, 409
     * {@code already-delivered} when it was acknowledged, {@code delivery-in-progress} while a sender holds it.
     * Audited; the sender is woken once the transaction commits.
     */
    DeliveryView retry(Webhook webhook, long deliveryId) {
        WebhookDelivery delivery = WebhookDelivery.<WebhookDelivery> find(
                "select d from WebhookDelivery d join fetch d.notification where d.id = ?1 and d.webhookId = ?2",
                deliveryId, webhook.id).firstResult();
        if (delivery == null) {
            throw ProblemException.notFound("delivery", deliveryId);
        }
        if (delivery.state == DeliveryState.DELIVERED) {
            throw ProblemException.conflict("already-delivered", "the receiver acknowledged this delivery already");
        }
        // The sender's own clock: it leases and schedules deliveries by the system time.
        OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        int updated = WebhookDelivery.getEntityManager().createNativeQuery("update webhook_delivery set state = :state,"
                + " attempts = 0, next_attempt_at = :now where id = :id and state <> 'DELIVERED'"
                + " and (lease_until is null or lease_until < :now)").setParameter("state", DeliveryState.PENDING.name())
                .setParameter("now", now).setParameter("id", deliveryId).executeUpdate();
        if (updated == 0) {
            throw ProblemException.conflict("delivery-in-progress",
                    "a sender is trying this delivery right now; look at it again in a moment");
        }
        audit.record("RETRY", "WebhookDelivery", deliveryId, "{\"state\":\"" + delivery.state + "\",\"attempts\":"
                + delivery.attempts + "}", "{\"state\":\"PENDING\",\"attempts\":0}");
        sender.wakeAfterCommit(transactions);
        WebhookDelivery.getEntityManager().refresh(delivery);
        return DeliveryView.of(delivery);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
