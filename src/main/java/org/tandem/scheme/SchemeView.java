package org.tandem.scheme;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Scheme")
record SchemeView(
        @Schema(required = true) long id,
        @Schema(required = true) String program,
        @Schema(required = true) int year,
        @Schema(required = true, description = "Version number within the program-year: 1, 2, 3…") int number,
        @Schema(required = true) SchemeStatus status,
        @Schema(required = true) String name,
        String description,
        @Schema(required = true) boolean example,
        @Schema(required = true) SchemeRules rules,
        OffsetDateTime publishedAt,
        String publishedBy) {
}
