package org.tandem.indicator;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.registry.Pairing;

/** Where a pair-year's actuals stand in their programme's approval chain: each level, lowest first. */
final class ApprovalsView {

    private ApprovalsView() {
    }

    @Schema(name = "ApprovalLevelState", description = "One level of the chain: APPROVED (every side has), AWAITING "
            + "(its turn), PENDING (a level below has not finished, or the actuals are not submitted yet)")
    record Level(@Schema(required = true) ApprovalLevel level, @Schema(required = true) Status status,
            @Schema(required = true, description = "The sides that approved (or confirmed), with who, when and "
                    + "the comment") List<Approval> approvals,
            @Schema(required = true, description = "The sides still to approve while AWAITING") List<ApprovalSide> waitingFor) {
    }

    @Schema(name = "Approval")
    record Approval(@Schema(required = true) ApprovalSide side,
            @Schema(description = "The county of the side (for CITY: the county whose city approved)") String county,
            @Schema(required = true) String actor, @Schema(required = true) OffsetDateTime approvedAt, String comment) {
    }

    @Schema(name = "ApprovalLevelStatus")
    enum Status {
        APPROVED,
        AWAITING,
        PENDING
    }

    /** The levels of {@code chain} for a pair-year in this state with these approvals in force. */
    static List<Level> of(Pairing pairing, List<ApprovalLevel> chain, PairYear pairYear, List<PairYearApproval> inForce) {
        ActualsState state = PairYear.stateOf(pairYear);
        ApprovalLevel awaiting;
        if (state == ActualsState.DRAFT) {
            awaiting = chain.get(0) == ApprovalLevel.PAIR_COUNTIES ? ApprovalLevel.PAIR_COUNTIES : null;
        } else {
            awaiting = state == ActualsState.APPROVED ? null : pairYear.actingLevel();
        }
        List<Level> levels = new ArrayList<>();
        boolean below = state != ActualsState.DRAFT;
        for (ApprovalLevel level : chain) {
            Status status;
            if (state == ActualsState.APPROVED) {
                status = Status.APPROVED;
            } else if (level == awaiting) {
                status = Status.AWAITING;
                below = false;
            } else {
                status = below ? Status.APPROVED : Status.PENDING;
            }
            List<Approval> approvals = inForce.stream().filter(a -> a.level == level)
                    .map(a -> new Approval(a.side, countyOf(pairing, a.side), a.actor, a.approvedAt, a.comment))
                    .toList();
            List<ApprovalSide> waitingFor = status != Status.AWAITING ? List.of()
                    : level.sides().stream().filter(side -> !PairYearApproval.has(inForce, level, side)).toList();
            levels.add(new Level(level, status, approvals, waitingFor));
        }
        return levels;
    }

    static String countyOf(Pairing pairing, ApprovalSide side) {
        return switch (side) {
            case INDUSTRIAL -> pairing.industrialCounty.code;
            case MOUNTAIN -> pairing.mountainCounty.code;
            case PROVINCE -> null;
        };
    }
}
