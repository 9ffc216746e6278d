package org.tandem.funding;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AllocationRule")
record RuleView(
        @Schema(required = true) long id,
        @Schema(required = true) String program,
        @Schema(required = true) int year,
        @Schema(required = true, description = "Version number within the program-year: 1, 2, 3…") int number,
        @Schema(required = true) RuleStatus status,
        @Schema(required = true) String name,
        String description,
        @Schema(required = true, description = "An illustrative rule, not the official split (which is not public)") boolean example,
        @Schema(required = true) AllocationTerms terms,
        OffsetDateTime publishedAt,
        String publishedBy) {
}
