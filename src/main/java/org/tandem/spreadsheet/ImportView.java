package org.tandem.spreadsheet;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import's record. */
@Schema(name = "Import")
record ImportView(@Schema(required = true) long id,
        @Schema(required = true, enumeration = {
                "targets", "actuals", "projects", "activities", "parks", "pairings" }) String kind,
        @Schema(required = true) String fileName,
        @Schema(required = true, description = "SHA-256 of the file, hex") String sha256,
        @Schema(required = true) String mediaType, @Schema(required = true) String actor,
        @Schema(required = true) OffsetDateTime importedAt, String requestId,
        @Schema(required = true, description = "The audit events of its changes carry this context (GET /api/v1/audit-events?context=...)") String auditContext,
        @Schema(required = true) ImportReport.ImportTotals totals){

    static ImportView of(ImportRecord r) {
        return new ImportView(r.id, r.kind, r.fileName, r.sha256, r.mediaType, r.actor, r.importedAt, r.requestId,
                Imports.context(r.id), new ImportReport.ImportTotals(r.rowsRead, r.created, r.updated, r.unchanged, 0));
    }
}
