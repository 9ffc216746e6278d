package org.tandem.notification;

import java.time.OffsetDateTime;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Notification", description = "An event in a user's feed.")
public record NotificationView(long id, NotificationType type, OffsetDateTime occurredAt, Subject subject,
        @Schema(description = "The pairing it concerns, if one") Long pairingId,
        @Schema(description = "The year it concerns, with pairingId") Integer year,
        @Schema(description = "Who caused it") String actor,
        @Schema(description = "What a reader needs to act on it, by type (e.g. comment for DATA_RETURNED, total and grade for RESULTS_FINALIZED)") Map<String, Object> data,
        @Schema(description = "Whether this user marked it read") boolean read) {

    @Schema(name = "NotificationSubject", description = "The entity the event is about")
    public record Subject(@Schema(examples = "PairYear") String type, @Schema(examples = "1001/2024") String id) {
    }

    @Schema(name = "UnreadCount")
    public record Unread(@Schema(description = "Events in the user's feed not marked read") long unread) {
    }

    @Schema(name = "MarkedRead")
    public record Marked(@Schema(description = "Events marked read by this request") long marked) {
    }
}
