package org.tandem.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

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
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.registry.Program;
import org.tandem.scheme.Scheme;
import org.tandem.scoring.ScoreResult;

/** One pairing's scored result for one year (年度考核), COMPUTED until a reviewer finalizes it. */
@Entity
public class Assessment extends TrackedEntity {

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
}
