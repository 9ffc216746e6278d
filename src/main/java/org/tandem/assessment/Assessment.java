package org.tandem.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
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

import org.hibernate.Hibernate;
import org.tandem.TrackedEntity;
import org.tandem.cache.ScopedData;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.registry.Program;
import org.tandem.registry.YearLock;
import org.tandem.scheme.Scheme;
import org.tandem.scheme.SchemeRules;
import org.tandem.scoring.AdjustmentKind;
import org.tandem.scoring.ScoreResult;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One pairing's scored result for one year (年度考核), COMPUTED until a reviewer finalizes it. */
@Entity
class Assessment extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "assessment_seq")
    @SequenceGenerator(name = "assessment_seq", sequenceName = "assessment_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pairing_id")
    public Pairing pairing;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    public Program program;
    @Column(name = "calendar_year")
    public int year;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "scheme_id")
    public Scheme scheme;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "run_id")
    public AssessmentRun run;
    @Enumerated(EnumType.STRING)
    public AssessmentStatus status;
    public BigDecimal baseTotal;
    public BigDecimal bonusTotal;
    public BigDecimal deductionTotal;
    public BigDecimal total;
    public String gradeCode;
    public String gradeLabel;
    public boolean passed;
    public boolean vetoed;
    /** SHA-256 of the scheme and every input the score was computed from. */
    public String inputsDigest;
    /**
     * The engine's {@link ScoreResult}: every indicator's points and why. A new result is a new breakdown; the
     * ones held before stay as they were, named by id in this assessment's audit events.
     */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "breakdown_id")
    public ScoreBreakdown breakdown;
    /**
     * Its place in its programme-year's ranking, kept by {@link Rankings#rerank} whenever a write may change it;
     * never updated by Hibernate (one change of score can move every rank of the year). A run inserts a new
     * assessment with the rank it will have ({@link Rankings#ranks}), so that ranking after it changes nothing.
     */
    @Column(name = "rank_in_year", updatable = false)
    public Integer rank;
    public OffsetDateTime computedAt;
    public OffsetDateTime finalizedAt;
    public String finalizedBy;

    /** Holds {@code result}, computed from inputs whose digest is {@code digest}, as its new breakdown. */
    void record(ScoreResult result, String digest, ScoreBreakdown newBreakdown) {
        baseTotal = result.baseTotal();
        bonusTotal = result.bonusTotal();
        deductionTotal = result.deductionTotal();
        total = result.total();
        gradeCode = result.grade().code();
        gradeLabel = result.grade().label();
        passed = result.passed();
        vetoed = result.vetoed();
        inputsDigest = digest;
        newBreakdown.persist();
        breakdown = newBreakdown;
        computedAt = OffsetDateTime.now();
    }

    /**
     * Whether this assessment, whose breakdown's digest is {@code heldBreakdownDigest}, already holds the given
     * result: the same inputs digest (the scheme version and every input) and the same breakdown text, which
     * carries every total, the grade and every indicator's points. The held digest is passed in so that a
     * run compares thousands of assessments without reading their breakdowns.
     */
    boolean holds(String digest, String heldBreakdownDigest, ScoreBreakdown candidate) {
        return digest.equals(inputsDigest) && candidate.digest.equals(heldBreakdownDigest);
    }

    void checkOpen() {
        if (status == AssessmentStatus.FINALIZED) {
            throw ProblemException.conflict("assessment-finalized",
                    "assessment " + id + " is finalized; reopen it with a reason first");
        }
    }

    /**
     * Records a reviewer's adjustment under {@code itemCode}, one of the scheme's {@code items}: while this
     * assessment is open, and within the item's cap (0 for a veto). The caller scores the assessment again.
     */
    AssessmentAdjustment adjust(List<SchemeRules.AdjustmentRule> items, String itemCode, BigDecimal points,
            String reason, String actor) {
        checkOpen();
        SchemeRules.AdjustmentRule item = items.stream().filter(i -> i.code().equals(itemCode)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("item", "not an adjustment item of scheme " + scheme.id
                        + "; must be one of "
                        + String.join(", ", items.stream().map(SchemeRules.AdjustmentRule::code).toList())));
        if (item.kind() == AdjustmentKind.VETO ? points.signum() != 0 : points.compareTo(item.maxPoints()) > 0) {
            throw ProblemException.invalid("points", item.kind() == AdjustmentKind.VETO ? "must be 0 for a veto"
                    : "must not exceed the item's cap of " + item.maxPoints());
        }
        AssessmentAdjustment adjustment = new AssessmentAdjustment();
        adjustment.assessment = this;
        adjustment.itemCode = itemCode;
        adjustment.points = points;
        adjustment.reason = reason;
        adjustment.actor = actor;
        adjustment.persist();
        return adjustment;
    }

    /**
     * Freezes this open assessment and locks its pair's data of the year, in the same transaction: refused while its
     * year's objection {@code window} (null when the year was never published) is open at {@code now}, or while an
     * objection to it is unresolved ({@code objectionsOpen}).
     */
    void finalizeBy(String actor, ObjectionWindow window, boolean objectionsOpen, Instant now) {
        checkOpen();
        if (window != null) {
            window.checkClosedAt(now, id);
        }
        if (objectionsOpen) {
            throw ProblemException.conflict("objections-unresolved", "assessment " + id
                    + " has objections not yet resolved; an assessor upholds or rejects each before it is finalized");
        }
        status = AssessmentStatus.FINALIZED;
        finalizedAt = OffsetDateTime.now();
        finalizedBy = actor;
        // Written before the lock: of two finalizing at once, the second fails on this assessment's version.
        persistAndFlush();
        YearLock.set(pairing.id, year, id);
    }

    /**
     * Opens this finalized assessment again and unlocks its pair's data of the year; {@code finalized} is the
     * assessment as it stood, kept as a revision with the reason.
     */
    AssessmentRevision reopen(AssessmentViews.Detail finalized, String reason, String actor, ObjectMapper json) {
        if (status != AssessmentStatus.FINALIZED) {
            throw ProblemException.conflict("assessment-not-finalized", "only a finalized assessment can be reopened");
        }
        AssessmentRevision revision = AssessmentRevision.of(this, finalized, json);
        revision.reason = reason;
        revision.actor = actor;
        revision.persist();
        status = AssessmentStatus.COMPUTED;
        finalizedAt = null;
        finalizedBy = null;
        persistAndFlush();
        YearLock.release(pairing.id, year);
        return revision;
    }

    /** The scope of a programme's assessments: see {@link ScopedData}. */
    static String scope(long programId) {
        return "assessments:" + programId;
    }

    @Override
    public Set<String> scopes() {
        return Set.of(scope(Program.idOf(program)));
    }

    /** The scopes of a record of {@code assessment}: its own, or null (any data) when it is not loaded. */
    static Set<String> scopesOf(Assessment assessment) {
        return assessment == null || !Hibernate.isInitialized(assessment) ? null : assessment.scopes();
    }
}
