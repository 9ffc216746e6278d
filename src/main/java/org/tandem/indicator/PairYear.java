package org.tandem.indicator;

import java.time.OffsetDateTime;
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

import org.tandem.TrackedEntity;
import org.tandem.cache.ScopedData;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;

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

    public static PairYear find(long pairingId, int year) {
        return find("pairing.id = ?1 and calendarYear = ?2", pairingId, year).firstResult();
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
     * Takes a step of the actuals workflow (SUBMIT, APPROVE or RETURN) and returns the history entry that
     * records it; a step the current state does not allow is refused with 409.
     */
    public PairYearChange take(ChangeAction action, String comment, String actor, OffsetDateTime at) {
        checkComment(action, comment);
        ActualsState from = actualsState;
        switch (action) {
            case SUBMIT -> submit();
            case APPROVE -> approve();
            case RETURN -> sendBack();
            default -> throw new IllegalArgumentException(action + " is not a workflow step");
        }
        return PairYearChange.step(pairing.id, calendarYear, action, from, actualsState, comment, actor, at);
    }

    public void submit() {
        if (actualsState != ActualsState.DRAFT) {
            throw ProblemException.conflict("submit-requires-draft",
                    "only DRAFT actuals can be submitted; these are " + actualsState);
        }
        actualsState = ActualsState.SUBMITTED;
        everSubmitted = true;
    }

    public void approve() {
        if (actualsState != ActualsState.SUBMITTED) {
            throw ProblemException.conflict("approve-requires-submitted",
                    "only SUBMITTED actuals can be approved; these are " + actualsState);
        }
        actualsState = ActualsState.APPROVED;
    }

    /** Sends submitted or approved actuals back to the pair for correction. */
    public void sendBack() {
        if (actualsState == ActualsState.DRAFT) {
            throw ProblemException.conflict("return-requires-submitted",
                    "only SUBMITTED or APPROVED actuals can be returned; these are DRAFT");
        }
        actualsState = ActualsState.DRAFT;
    }

    /** A change of it is a change of its pairing's records. */
    @Override
    public Set<String> scopes() {
        return Pairing.scopesOfRecordsOf(pairing);
    }
}
