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
import org.tandem.registry.RecordKind;

/**
 * A pair-year's progress report of one period of the calendar (H1, H2, Q1–Q4): when it was first and last
 * submitted. Created on the first write or submission; a period without a row has not been reported. Its values
 * are {@link PeriodValue}s; they are progress, not what assessments score.
 */
@Entity
class PeriodReport extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "period_report_seq")
    @SequenceGenerator(name = "period_report_seq", sequenceName = "period_report_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pairing_id")
    public Pairing pairing;
    public int calendarYear;
    @Enumerated(EnumType.STRING)
    public ReportingPeriodKind period;
    /** When the report was first submitted (for the calendar: on time or late), and last. */
    public OffsetDateTime firstSubmittedAt;
    public OffsetDateTime lastSubmittedAt;

    static PeriodReport find(long pairingId, int year, ReportingPeriodKind period) {
        return find("pairing.id = ?1 and calendarYear = ?2 and period = ?3", pairingId, year, period).firstResult();
    }

    static PeriodReport start(Pairing pairing, int year, ReportingPeriodKind period) {
        PeriodReport report = new PeriodReport();
        report.pairing = pairing;
        report.calendarYear = year;
        report.period = period;
        return report;
    }

    /** Once submitted, every change of a value needs a reason. */
    boolean everSubmitted() {
        return firstSubmittedAt != null;
    }

    /** Refuses a change of a value without a reason (400 naming reason) once the report was submitted. */
    void checkReason(String reason) {
        if (everSubmitted() && reason == null) {
            throw ProblemException.invalid("reason", "is required: the " + period + " report of " + calendarYear
                    + " was submitted before, so every change needs a reason");
        }
    }

    /** Records a submission: the first one stays the report's submission date for the calendar. */
    PairYearChange submit(String comment, String actor, OffsetDateTime at) {
        if (firstSubmittedAt == null) {
            firstSubmittedAt = at;
        }
        lastSubmittedAt = at;
        return PairYearChange.periodStep(pairing.id, calendarYear, period, ChangeAction.SUBMIT, comment, actor, at);
    }

    /** A change of it is a change of its pairing's records, and of those of its kind. */
    @Override
    public Set<String> scopes() {
        return Pairing.scopesOfRecordsOf(pairing, RecordKind.PERIOD_REPORTS);
    }
}
