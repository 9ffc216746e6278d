package org.tandem.document;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DocumentVersion", description = "One version of a document's content, as uploaded")
record VersionView(
        @Schema(required = true) int number,
        @Schema(required = true) String fileName,
        @Schema(required = true) String mediaType,
        @Schema(required = true) long size,
        @Schema(required = true) String sha256,
        @Schema(required = true) String uploadedBy,
        @Schema(required = true) OffsetDateTime uploadedAt,
        @Schema(required = true) String content) {

    static VersionView of(DocumentVersion v) {
        return new VersionView(v.number, v.fileName, v.mediaType, v.sizeBytes, v.sha256, v.uploadedBy, v.uploadedAt,
                "/api/v1/documents/" + v.document.id + "/versions/" + v.number + "/content");
    }
}
