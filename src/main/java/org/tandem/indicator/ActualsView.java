package org.tandem.indicator;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Actuals", description = "The reported actuals of one pairing in one year, in catalogue order, with the "
        + "workflow state and where they stand in the programme's approval chain. DERIVED indicators have no stored "
        + "actuals: see progress. The steps taken are in the history.")
record ActualsView(
        @Schema(required = true) long pairing,
        @Schema(required = true) int year,
        @Schema(required = true) ActualsState state,
        @Schema(required = true, description = "Once true, every change of a value needs a reason") boolean everSubmitted,
        @Schema(required = true) List<ValueView> items,
        @Schema(description = "The level SUBMITTED actuals wait for") ApprovalLevel awaitingLevel,
        @Schema(description = "When the actuals were first submitted (for the reporting calendar)") OffsetDateTime firstSubmittedAt,
        @Schema(description = "When the actuals were last submitted") OffsetDateTime lastSubmittedAt,
        @Schema(required = true, description = "The programme's approval chain, lowest level first, with each "
                + "level's state and the approvals in force") List<ApprovalsView.Level> approvals) {
}
