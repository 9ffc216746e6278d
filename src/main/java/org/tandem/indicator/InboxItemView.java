package org.tandem.indicator;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.registry.CountyRef;

@Schema(name = "ApprovalInboxItem", description = "A pair-year whose actuals wait for the caller's level")
record InboxItemView(
        @Schema(required = true) long pairing,
        @Schema(required = true) String program,
        @Schema(required = true) int year,
        @Schema(required = true) CountyRef industrialCounty,
        @Schema(required = true) CountyRef mountainCounty,
        @Schema(required = true) ActualsState state,
        @Schema(required = true) ApprovalLevel level,
        @Schema(required = true, description = "The sides of the level still to approve (or confirm)") List<ApprovalSide> waitingFor,
        OffsetDateTime lastSubmittedAt) {
}
