package org.tandem.notification;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook", description = "A webhook; its secret is never shown.")
public record WebhookView(long id, String url, List<NotificationType> eventTypes, String description, boolean active,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static WebhookView of(Webhook webhook) {
        return new WebhookView(webhook.id, webhook.url, webhook.eventTypes.stream().sorted().toList(),
                webhook.description, webhook.active, webhook.createdAt, webhook.updatedAt);
    }

    @Schema(name = "CreatedWebhook", description = "A new webhook with its secret: the only time it is shown.")
    public record Created(long id, String url, List<NotificationType> eventTypes, String description, boolean active,
            OffsetDateTime createdAt, OffsetDateTime updatedAt,
            @Schema(description = "The HMAC-SHA256 key of its signatures; store it now, it is never shown again") String secret) {

        static Created of(Webhook webhook) {
            WebhookView view = WebhookView.of(webhook);
            return new Created(view.id(), view.url(), view.eventTypes(), view.description(), view.active(),
                    view.createdAt(), view.updatedAt(), webhook.secret);
        }
    }
}
