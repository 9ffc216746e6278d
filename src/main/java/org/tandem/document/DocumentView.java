package org.tandem.document;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Document", description = "An evidence document: its current version's file, and its deletion if it was deleted")
record DocumentView(
        @Schema(required = true) long id,
        @Schema(required = true, description = "What it is attached to: project:<id>, activity:<id>, park:<id>, adjustment:<id>, objection:<id> or actuals:<pairingId>:<year>") String subject,
        @Schema(required = true) long pairing,
        @Schema(required = true, description = "The pair-year it counts against (the limit per pair-year)") int year,
        @Schema(required = true, description = "The current version's number, from 1") int version,
        @Schema(required = true, description = "The file name as uploaded") String fileName,
        @Schema(required = true, description = "Detected from the content") String mediaType,
        @Schema(required = true, description = "Bytes") long size,
        @Schema(required = true, description = "SHA-256 of the content, hex; also the download's ETag") String sha256,
        @Schema(required = true) String uploadedBy,
        @Schema(required = true) OffsetDateTime uploadedAt,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true, description = "Where the current version's content is downloaded") String content,
        OffsetDateTime deletedAt,
        String deletedBy,
        String deleteReason) {

    static DocumentView of(Document d, DocumentVersion v) {
        return new DocumentView(d.id, d.subject().toString(), d.pairing.id, d.year, v.number, v.fileName,
                v.mediaType, v.sizeBytes, v.sha256, v.uploadedBy, v.uploadedAt, d.createdAt,
                "/api/v1/documents/" + d.id + "/content", d.deletedAt, d.deletedBy, d.deleteReason);
    }
}
