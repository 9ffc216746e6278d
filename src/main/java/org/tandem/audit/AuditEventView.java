package org.tandem.audit;

import java.time.OffsetDateTime;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;
import org.tandem.web.Filter;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.quarkus.panache.common.Sort;

@Schema(name = "AuditEvent")
public record AuditEventView(@Schema(required = true) long id, @Schema(required = true) OffsetDateTime occurredAt,
        @Schema(required = true) String actor,
        @Schema(required = true, description = "CREATE, UPDATE, DELETE; LOGIN_FAILED, ACCOUNT_LOCKED, TOKEN_REFRESHED or REFRESH_REFUSED") String action,
        @Schema(required = true, examples = "Pairing") String entityType, String entityId,
        @JsonRawValue @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, description = "The values before the change") String before,
        @JsonRawValue @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, description = "The values after the change") String after,
        String requestId,
        @Schema(description = "What the change was part of, e.g. import:1001 (GET /api/v1/imports/1001)", examples = "import:1001") String context) {

    /** The columns of an export of the audit trail. */
    static final Table<AuditEventView> TABLE = Table.of("audit-events",
            Column.integer("事件编号", "ID", AuditEventView::id),
            Column.timestamp("发生时间（UTC）", "Occurred at (UTC)", AuditEventView::occurredAt),
            Column.text("操作人", "Actor", AuditEventView::actor),
            Column.text("操作", "Action", AuditEventView::action),
            Column.text("对象类型", "Entity type", AuditEventView::entityType),
            Column.text("对象编号", "Entity ID", AuditEventView::entityId),
            Column.text("修改前", "Before", AuditEventView::before),
            Column.text("修改后", "After", AuditEventView::after),
            Column.text("请求编号", "Request ID", AuditEventView::requestId),
            Column.text("所属操作", "Part of", AuditEventView::context));

    /** A page of the audit trail, newest first unless sorted by id; each filter absent is no filter. */
    static PageOf<AuditEventView> list(String entityType, String entityId, String actor, String context,
            OffsetDateTime from, OffsetDateTime to, PageRequest paging) {
        Filter filter = new Filter().and("entityType = :entityType", "entityType", entityType)
                .and("entityId = :entityId", "entityId", entityId).and("actor = :actor", "actor", actor)
                .and("context = :context", "context", context)
                .and("occurredAt >= :from", "from", from).and("occurredAt < :to", "to", to);
        Sort order = paging.toSort(Map.of("id", "id"), "-id", "id");
        String counted = filter.where();
        Map<String, Object> countParams = Map.copyOf(filter.params());
        String keyset = paging.keyset(order, "id", "id");
        filter.and(keyset, "after", keyset == null ? null : paging.after);
        var query = AuditEvent.<AuditEvent> find("from AuditEvent" + filter.where(), order, filter.params())
                .page(paging.toPage(keyset));
        return PageOf.of(query.list().stream().map(AuditEventView::of).toList(), paging,
                () -> Filter.count("from AuditEvent" + counted, countParams));
    }

    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id, e.occurredAt, e.actor, e.action, e.entityType, e.entityId, e.beforeState,
                e.afterState, e.requestId, e.context);
    }
}
