package org.tandem.notification;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One event sent to one webhook: its state, attempts and last outcome.")
public record DeliveryView(long id, long notificationId, NotificationType eventType, DeliveryState state, int attempts,
        @Schema(description = "When it is tried next (FAILED_RETRYING)") OffsetDateTime nextAttemptAt,
        OffsetDateTime lastAttemptAt,
        @Schema(description = "The HTTP status of the last answer") Integer lastStatus,
        @Schema(description = "Why the last attempt failed") String lastError, OffsetDateTime deliveredAt,
        OffsetDateTime createdAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id, d.notification.id, d.notification.type, d.state, d.attempts,
                d.state == DeliveryState.FAILED_RETRYING || d.state == DeliveryState.PENDING ? d.nextAttemptAt : null,
                d.lastAttemptAt, d.lastStatus, d.lastError, d.deliveredAt, d.createdAt);
    }
}
