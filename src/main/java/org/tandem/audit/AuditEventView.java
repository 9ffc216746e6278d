package org.tandem.audit;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonRawValue;

@Schema(name = "AuditEvent")
public record AuditEventView(@Schema(required = true) long id, @Schema(required = true) OffsetDateTime occurredAt,
        @Schema(required = true) String actor,
        @Schema(required = true, description = "CREATE, UPDATE, DELETE; LOGIN_FAILED, ACCOUNT_LOCKED, TOKEN_REFRESHED or REFRESH_REFUSED") String action,
        @Schema(required = true, examples = "Pairing") String entityType, String entityId,
        @JsonRawValue @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, description = "The values before the change") String before,
        @JsonRawValue @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, description = "The values after the change") String after,
        String requestId,
        @Schema(description = "What the change was part of, e.g. import:1001 (GET /api/v1/imports/1001)", examples = "import:1001") String context) {

    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id, e.occurredAt, e.actor, e.action, e.entityType, e.entityId, e.beforeState,
                e.afterState, e.requestId, e.context);
    }
}
