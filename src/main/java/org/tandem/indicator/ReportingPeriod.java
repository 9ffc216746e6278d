package org.tandem.indicator;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One reporting period of a programme's year with its due date: the programme's reporting calendar. */
@Entity
class ReportingPeriod extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "reporting_period_seq")
    @SequenceGenerator(name = "reporting_period_seq", sequenceName = "reporting_period_seq", allocationSize = 50)
    public Long id;
    public long programId;
    public int calendarYear;
    @Enumerated(EnumType.STRING)
    public ReportingPeriodKind period;
    public LocalDate dueOn;
    /** When the counties were reminded that it is near, and told that it passed (DeadlineReminders). */
    public java.time.OffsetDateTime remindedAt;
    public java.time.OffsetDateTime missedAt;

    static ReportingPeriod of(long programId, int year, ReportingPeriodKind period, LocalDate dueOn) {
        ReportingPeriod found = new ReportingPeriod();
        found.programId = programId;
        found.calendarYear = year;
        found.period = period;
        found.dueOn = dueOn;
        return found;
    }

    /** The calendar of a programme's year, in period order. */
    static List<ReportingPeriod> of(long programId, int year) {
        return ReportingPeriod.<ReportingPeriod> list("programId = ?1 and calendarYear = ?2", programId, year).stream()
                .sorted(java.util.Comparator.comparing(p -> p.period)).toList();
    }
}
