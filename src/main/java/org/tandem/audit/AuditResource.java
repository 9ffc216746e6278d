package org.tandem.audit;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.security.Roles;
import org.tandem.web.DateRange;
import org.tandem.web.Filter;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
public class AuditResource {

    @GET
    @Operation(summary = "The audit trail, newest first", description = "Every write with its actor, values before and after,"
            + " and request id; failed logins too. Append-only: nothing changes or deletes an event. Another entity"
            + " a value refers to appears as its id; an assessment's breakdown as the id of a /score-breakdowns/{id},"
            + " where every breakdown it held stays as it was.")
    public PageOf<AuditEventView> listAuditEvents(@QueryParam("entityType") @Parameter(example = "Pairing") String entityType,
            @QueryParam("entityId") String entityId, @QueryParam("actor") String actor,
            @QueryParam("context") @Parameter(description = "What the changes were part of, e.g. import:1001 for "
                    + "the changes of import 1001", example = "import:1001") String context,
            @QueryParam("from") @DateRange @Parameter(description = "ISO-8601 instant with offset, inclusive. "
                    + DateRange.IN_RANGE) OffsetDateTime from,
            @QueryParam("to") @DateRange @Parameter(description = "ISO-8601 instant with offset, exclusive. "
                    + DateRange.IN_RANGE) OffsetDateTime to,
            @Valid @BeanParam PageRequest paging) {
        Filter filter = new Filter().and("entityType = :entityType", "entityType", entityType)
                .and("entityId = :entityId", "entityId", entityId).and("actor = :actor", "actor", actor)
                .and("context = :context", "context", context)
                .and("occurredAt >= :from", "from", from).and("occurredAt < :to", "to", to);
        var query = AuditEvent.<AuditEvent> find("from AuditEvent" + filter.where(),
                paging.toSort(Map.of("id", "id"), "-id", "id"), filter.params()).page(paging.toPage());
        return new PageOf<>(query.list().stream().map(AuditEventView::of).toList(), paging.page, paging.size,
                query.count());
    }
}
