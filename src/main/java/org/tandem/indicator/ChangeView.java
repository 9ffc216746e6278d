package org.tandem.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PairYearChange", description = "A value changed (TARGET/ACTUAL: old and new value, null meaning none) "
        + "or a workflow step taken (WORKFLOW: from and to state, the level and side, the comment or why in reason)")
record ChangeView(
        @Schema(required = true) long id,
        @Schema(required = true) ChangeKind kind,
        @Schema(required = true) ChangeAction action,
        String indicator,
        BigDecimal oldValue,
        BigDecimal newValue,
        ActualsState fromState,
        ActualsState toState,
        @Schema(description = "The level of the approval chain a workflow step was taken at") ApprovalLevel level,
        @Schema(description = "The side a CONFIRM, APPROVE or WITHDRAW was for") ApprovalSide side,
        @Schema(description = "The progress report's period (H1, H2, Q1–Q4) a value or SUBMIT belongs to; absent for "
                + "the annual targets and actuals") ReportingPeriodKind period,
        String reason,
        @Schema(required = true) String actor,
        @Schema(required = true) OffsetDateTime occurredAt) {

    static ChangeView of(PairYearChange change) {
        return new ChangeView(change.id, change.kind, change.action, change.indicatorCode,
                Quantities.plain(change.oldValue), Quantities.plain(change.newValue), change.fromState, change.toState,
                change.level, change.side, change.period, change.reason, change.actor, change.occurredAt);
    }
}
