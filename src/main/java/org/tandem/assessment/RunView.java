package org.tandem.assessment;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssessmentRun")
record RunView(
        @Schema(required = true) long id,
        @Schema(required = true) String program,
        @Schema(required = true) int year,
        @Schema(required = true, description = "The published scheme version the run scores with") long scheme,
        @Schema(required = true) RunStatus status,
        @Schema(required = true) String requestedBy,
        @Schema(required = true) OffsetDateTime requestedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "Pairings scored by this run") Integer pairingsAssessed,
        @Schema(description = "Pairings left alone because their assessment is finalized") Integer pairingsFinalized,
        Long durationMs,
        String error) {

    static RunView of(AssessmentRun r) {
        return new RunView(r.id, r.program.code, r.year, r.scheme.id, r.status, r.requestedBy, r.requestedAt,
                r.finishedAt, r.pairingsAssessed, r.pairingsFinalized, r.durationMs, r.error);
    }
}
