package org.tandem.indicator;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Actuals", description = "The reported actuals of one pairing in one year, in catalogue order, with the "
        + "workflow state. DERIVED indicators have no stored actuals: see progress. The steps taken are in the history.")
record ActualsView(
        @Schema(required = true) long pairing,
        @Schema(required = true) int year,
        @Schema(required = true) ActualsState state,
        @Schema(required = true, description = "Once true, every change of a value needs a reason") boolean everSubmitted,
        @Schema(required = true) List<ValueView> items) {
}
