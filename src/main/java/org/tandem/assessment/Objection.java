package org.tandem.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import jakarta.persistence.Column;
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
import org.tandem.registry.Program;

/**
 * A county's objection to its pair's assessment, filed while the year's results are published for objections, with
 * a reason. An assessor resolves it once: upheld (the assessment adjusted or scored again, the totals before and
 * after and the adjustment it caused kept here) or rejected with a reason.
 */
@Entity
class Objection extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "objection_seq")
    @SequenceGenerator(name = "objection_seq", sequenceName = "objection_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    public Program program;
    @Column(name = "calendar_year")
    public int year;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pairing_id")
    public Pairing pairing;
    @Enumerated(EnumType.STRING)
    public ObjectionState state;
    public String reason;
    public String filedBy;
    /** The county of the editor who filed it; null when an admin filed it. */
    public String filedCountyCode;
    public OffsetDateTime filedAt;
    @Enumerated(EnumType.STRING)
    public ObjectionRemedy remedy;
    public String resolutionReason;
    public String resolvedBy;
    public OffsetDateTime resolvedAt;
    /** The adjustment an upheld objection caused, when its remedy was one. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "adjustment_id")
    public AssessmentAdjustment adjustment;
    public BigDecimal totalBefore;
    public BigDecimal totalAfter;
    public Long breakdownBeforeId;
    public Long breakdownAfterId;

    /**
     * Files an objection to {@code assessment} at {@code now}: only while {@code window} (its year's, or null when
     * not published) is open and the assessment is not finalized.
     */
    static Objection file(Assessment assessment, ObjectionWindow window, String reason, String actor, String county,
            Instant now) {
        if (window == null) {
            throw ProblemException.conflict("objection-window-not-open", "the assessments of " + assessment.program.code
                    + " in " + assessment.year + " have not been published for objections");
        }
        if (!window.isOpenAt(now)) {
            throw ProblemException.conflict("objection-window-not-open", "the objection window of "
                    + assessment.program.code + " in " + assessment.year + " closed at " + window.closesAt);
        }
        assessment.checkOpen();
        Objection objection = new Objection();
        objection.assessment = assessment;
        objection.program = assessment.program;
        objection.year = assessment.year;
        objection.pairing = assessment.pairing;
        objection.state = ObjectionState.OPEN;
        objection.reason = reason;
        objection.filedBy = actor;
        objection.filedCountyCode = county;
        objection.filedAt = now.atOffset(ZoneOffset.UTC);
        objection.persist();
        return objection;
    }

    private void checkOpen() {
        if (state != ObjectionState.OPEN) {
            throw ProblemException.conflict("objection-resolved",
                    "objection " + id + " was already resolved (" + state + ") by " + resolvedBy);
        }
    }

    /** Whether an objection to {@code assessment} is still open (finalizing asks). */
    static boolean anyOpen(Assessment assessment) {
        return count("assessment = ?1 and state = ?2", assessment, ObjectionState.OPEN) > 0;
    }

    /**
     * Refuses to resolve unless this objection is open; the caller then changes the assessment (an adjustment, a
     * rescore) and records it with {@link #upheld}.
     */
    void checkResolvable() {
        checkOpen();
        assessment.checkOpen();
    }

    /** Upheld by {@code actor}: the assessment went from {@code before} to its score now, by {@code remedy}. */
    void upheld(ObjectionRemedy how, AssessmentAdjustment caused, String why, BigDecimal totalWas, Long breakdownWas,
            String actor, Instant now) {
        checkOpen();
        state = ObjectionState.UPHELD;
        remedy = how;
        adjustment = caused;
        resolutionReason = why;
        totalBefore = totalWas;
        breakdownBeforeId = breakdownWas;
        totalAfter = assessment.total;
        breakdownAfterId = assessment.breakdown.id;
        resolvedBy = actor;
        resolvedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** Rejected by {@code actor} for {@code why}; the assessment stays as it is. */
    void rejected(String why, String actor, Instant now) {
        checkResolvable();
        state = ObjectionState.REJECTED;
        resolutionReason = why;
        resolvedBy = actor;
        resolvedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A change of it is a change of its programme's assessments (the detail counts their objections). */
    @Override
    public Set<String> scopes() {
        return Set.of(Assessment.scope(Program.idOf(program)));
    }
}
