package org.tandem.audit;

import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.export.ExportContract;
import org.tandem.export.ExportRequest;
import org.tandem.export.Exports;
import org.tandem.security.Roles;
import org.tandem.web.DateRange;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
public class AuditResource {

    @Inject
    Exports exports;

    @GET
    @Extension(name = ExportContract.MARK, value = "true")
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
        return AuditEventView.list(entityType, entityId, actor, context, from, to, paging);
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportAuditEvents(@QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId, @QueryParam("actor") String actor,
            @QueryParam("context") String context,
            @QueryParam("from") @DateRange OffsetDateTime from, @QueryParam("to") @DateRange OffsetDateTime to,
            @Valid @BeanParam PageRequest paging, @BeanParam ExportRequest export) {
        return exports.send(export, AuditEventView.TABLE, Exports.datedFileName(entityType, "audit-events"), paging,
                batch -> AuditEventView.list(entityType, entityId, actor, context, from, to, batch).items(),
                AuditEventView::id);
    }
}
