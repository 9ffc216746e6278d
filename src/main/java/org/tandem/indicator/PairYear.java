package org.tandem.indicator;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.tandem.IdArray;
import org.tandem.TrackedEntity;
import org.tandem.cache.ScopedData;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.registry.RecordKind;

/**
 * One pairing in one year: the workflow state of its actuals. Created on the first write; a pair-year
 * without a row is a DRAFT nobody has touched.
 */
@Entity
class PairYear extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "pair_year_seq")
    @SequenceGenerator(name = "pair_year_seq", sequenceName = "pair_year_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pairing_id")
    public Pairing pairing;
    public int calendarYear;
    @Enumerated(EnumType.STRING)
    public ActualsState actualsState;
    public boolean everSubmitted;
    /** The level SUBMITTED actuals wait for; null otherwise. */
    @Enumerated(EnumType.STRING)
    public ApprovalLevel awaitingLevel;
    /** How many approvals are in force ({@link PairYearApproval}): a write reads them only when there are some. */
    public int approvalsInForce;
    /** When the actuals were first submitted (both counties confirmed, where the chain asks for that), and last. */
    public OffsetDateTime firstSubmittedAt;
    public OffsetDateTime lastSubmittedAt;

    public static PairYear find(long pairingId, int year) {
        return find("pairing.id = ?1 and calendarYear = ?2", pairingId, year).firstResult();
    }

    /** The pair-years of these pairings in these years, in one statement: the pairings as an {@link IdArray}. */
    static List<PairYear> of(List<Long> pairingIds, Collection<Integer> years) {
        return IdArray.entities(getEntityManager(), "select y.* from " + IdArray.table("p")
                + " join pair_year y on y.pairing_id = p.id where y.calendar_year in (?2)", PairYear.class, pairingIds)
                .setParameter(2, years).getResultList();
    }

    public static PairYear start(Pairing pairing, int year) {
        PairYear pairYear = new PairYear();
        pairYear.pairing = pairing;
        pairYear.calendarYear = year;
        pairYear.actualsState = ActualsState.DRAFT;
        return pairYear;
    }

    /** The state of a pair-year that may have no row yet. */
    public static ActualsState stateOf(PairYear pairYear) {
        return pairYear == null ? ActualsState.DRAFT : pairYear.actualsState;
    }

    /** Actuals may be edited only while in DRAFT. */
    public void checkActualsEditable() {
        if (actualsState != ActualsState.DRAFT) {
            throw ProblemException.conflict("actuals-locked", "the actuals of " + calendarYear + " are "
                    + actualsState + "; they can be edited only after being returned to DRAFT");
        }
    }

    /** A change of a value needs a reason once the pair-year's actuals were ever submitted. */
    public boolean needsReason() {
        return everSubmitted;
    }

    /** Refuses a change of a value without a reason (400 naming reason) when one is needed. */
    public void checkReason(String reason) {
        if (needsReason() && reason == null) {
            throw ProblemException.invalid("reason", "is required: the actuals of " + calendarYear
                    + " were submitted before, so every change needs a reason");
        }
    }

    /** Returning actuals needs a comment saying what to correct (400 naming comment); other steps do not. */
    public static void checkComment(ChangeAction action, String comment) {
        if (action == ChangeAction.RETURN && comment == null) {
            throw ProblemException.invalid("comment", "is required to return actuals: say what to correct");
        }
    }

    /**
     * Submits DRAFT actuals to the first level of {@code chain}: SUBMITTED, awaiting that level. A chain that starts
     * with PAIR_COUNTIES takes the counties' confirmations instead (409 confirmation-required).
     */
    public PairYearChange submit(List<ApprovalLevel> chain, String comment, String actor, OffsetDateTime at) {
        if (chain.get(0) == ApprovalLevel.PAIR_COUNTIES) {
            throw ProblemException.conflict("confirmation-required", "the approval chain of this program starts with "
                    + "both counties confirming: each county confirms (POST .../actuals/confirm) instead of submitting");
        }
        if (actualsState != ActualsState.DRAFT) {
            throw ProblemException.conflict("submit-requires-draft",
                    "only DRAFT actuals can be submitted; these are " + actualsState);
        }
        ActualsState from = actualsState;
        submitted(chain.get(0), at);
        return PairYearChange.step(pairing.id, calendarYear, ChangeAction.SUBMIT, from, actualsState, comment, actor,
                at, null, null);
    }

    /**
     * Records one county's confirmation of DRAFT actuals; once both counties have confirmed, the actuals are
     * SUBMITTED to the level above. Refused with 409 when the chain has no PAIR_COUNTIES level, the actuals are not
     * DRAFT, or this side has confirmed already. Adds the confirmation to {@code inForce}; returns the history entry.
     */
    public PairYearChange confirm(List<ApprovalLevel> chain, List<PairYearApproval> inForce, ApprovalSide side,
            String comment, String actor, OffsetDateTime at) {
        if (chain.get(0) != ApprovalLevel.PAIR_COUNTIES) {
            throw ProblemException.conflict("confirmation-not-in-chain", "the approval chain of this program has no "
                    + "PAIR_COUNTIES level: one county submits (POST .../actuals/submit)");
        }
        if (actualsState != ActualsState.DRAFT) {
            throw ProblemException.conflict("confirm-requires-draft",
                    "only DRAFT actuals can be confirmed; these are " + actualsState);
        }
        if (PairYearApproval.has(inForce, ApprovalLevel.PAIR_COUNTIES, side)) {
            throw ProblemException.conflict("already-confirmed", "the " + side.name().toLowerCase()
                    + " county has confirmed these actuals already");
        }
        ActualsState from = actualsState;
        PairYearApproval confirmation = PairYearApproval.of(id, ApprovalLevel.PAIR_COUNTIES, side, actor, at, comment);
        confirmation.persist();
        inForce.add(confirmation);
        approvalsInForce++;
        if (PairYearApproval.complete(inForce, ApprovalLevel.PAIR_COUNTIES)) {
            submitted(ApprovalChain.after(chain, ApprovalLevel.PAIR_COUNTIES), at);
        }
        return PairYearChange.step(pairing.id, calendarYear, ChangeAction.CONFIRM, from, actualsState, comment, actor,
                at, ApprovalLevel.PAIR_COUNTIES, side);
    }

    /**
     * Approves SUBMITTED actuals for {@code sides} of the level they await; once every side of that level has
     * approved, they move up to the next level, or become APPROVED after the last. 409 approve-requires-submitted
     * from any other state, already-approved when the sides have approved already. Returns the history entries.
     */
    public List<PairYearChange> approve(List<ApprovalLevel> chain, List<PairYearApproval> inForce,
            List<ApprovalSide> sides, String comment, String actor, OffsetDateTime at) {
        checkSubmitted();
        ApprovalLevel level = actingLevel();
        List<ApprovalSide> open = sides.stream().filter(side -> !PairYearApproval.has(inForce, level, side)).toList();
        if (open.isEmpty()) {
            throw ProblemException.conflict("already-approved", "your side of level " + level
                    + " has approved these actuals already");
        }
        List<PairYearChange> steps = new ArrayList<>();
        for (ApprovalSide side : open) {
            ActualsState from = actualsState;
            PairYearApproval approval = PairYearApproval.of(id, level, side, actor, at, comment);
            approval.persist();
            inForce.add(approval);
            approvalsInForce++;
            if (PairYearApproval.complete(inForce, level)) {
                awaitingLevel = ApprovalChain.after(chain, level);
                if (awaitingLevel == null) {
                    actualsState = ActualsState.APPROVED;
                }
            }
            steps.add(PairYearChange.step(pairing.id, calendarYear, ChangeAction.APPROVE, from, actualsState, comment,
                    actor, at, level, side));
        }
        return steps;
    }

    /** Refuses (409 approve-requires-submitted) unless the actuals are SUBMITTED. */
    public void checkSubmitted() {
        if (actualsState != ActualsState.SUBMITTED) {
            throw ProblemException.conflict("approve-requires-submitted",
                    "only SUBMITTED actuals can be approved; these are " + actualsState);
        }
    }

    /** The level whose turn it is to approve or return: the awaited one, or PROVINCE once APPROVED; null in DRAFT. */
    public ApprovalLevel actingLevel() {
        if (actualsState == ActualsState.DRAFT) {
            return null;
        }
        return actualsState == ActualsState.APPROVED || awaitingLevel == null ? ApprovalLevel.PROVINCE : awaitingLevel;
    }

    /**
     * Sends submitted or approved actuals back to the counties for correction, from {@code level}: every approval
     * in force is withdrawn (the caller deletes them). 409 return-requires-submitted from DRAFT.
     */
    public PairYearChange sendBack(ApprovalLevel level, String comment, String actor, OffsetDateTime at) {
        if (actualsState == ActualsState.DRAFT) {
            throw ProblemException.conflict("return-requires-submitted",
                    "only SUBMITTED or APPROVED actuals can be returned; these are DRAFT");
        }
        ActualsState from = actualsState;
        actualsState = ActualsState.DRAFT;
        awaitingLevel = null;
        approvalsInForce = 0;
        return PairYearChange.step(pairing.id, calendarYear, ChangeAction.RETURN, from, actualsState, comment, actor,
                at, level, null);
    }

    /** The history entries withdrawing {@code inForce} (removed by the caller) because the actuals changed. */
    public List<PairYearChange> withdraw(List<PairYearApproval> inForce, String reason, String actor,
            OffsetDateTime at) {
        approvalsInForce = 0;
        return inForce.stream().map(approval -> PairYearChange.step(pairing.id, calendarYear, ChangeAction.WITHDRAW,
                actualsState, actualsState, reason, actor, at, approval.level, approval.side)).toList();
    }

    private void submitted(ApprovalLevel awaiting, OffsetDateTime at) {
        actualsState = ActualsState.SUBMITTED;
        awaitingLevel = awaiting;
        everSubmitted = true;
        if (firstSubmittedAt == null) {
            firstSubmittedAt = at;
        }
        lastSubmittedAt = at;
    }

    /** A change of it is a change of its pairing's records, and of those of its kind. */
    @Override
    public Set<String> scopes() {
        return Pairing.scopesOfRecordsOf(pairing, RecordKind.PAIR_YEARS);
    }
}
