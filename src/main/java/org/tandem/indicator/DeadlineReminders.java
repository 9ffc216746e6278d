package org.tandem.indicator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tandem.notification.Notice;
import org.tandem.notification.NotificationType;
import org.tandem.notification.Notifications;
import org.tandem.registry.Pairing;
import org.tandem.registry.PairingStatus;
import org.tandem.security.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Tells the counties of a reporting calendar's deadlines: {@code tandem.calendar.remind-days} before a period's
 * report is due (the ANNUAL actuals, or an H1, H2, Q1–Q4 progress report), each pair that has not submitted it gets
 * DEADLINE_APPROACHING; once the due date has passed (the
 * day after it begins, China Standard Time), each pair still without it gets DEADLINE_MISSED, which the assessors
 * see too. Each is recorded once per period: the instance whose update marks the period ({@code reminded_at},
 * {@code missed_at}) records its notices, in the same transaction. "Submitted" is what the overdue list counts:
 * the first submission of the year's actuals, or of the period's progress report.
 */
@ApplicationScoped
class DeadlineReminders {

    private static final Logger LOG = Logger.getLogger(DeadlineReminders.class);

    @Inject
    Clock clock;
    @Inject
    Notifications notifications;
    @ConfigProperty(name = "tandem.calendar.remind-days", defaultValue = "7")
    int remindDays;

    @Scheduled(identity = "deadline-reminders", every = "${tandem.calendar.check-interval:PT1H}", delayed = "${tandem.calendar.check-delay:PT1M}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        LocalDate today = OffsetDateTime.now(clock).atZoneSameInstant(ReportingCalendar.ZONE).toLocalDate();
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> ReportingPeriod.getEntityManager()
                .createQuery("select p.id, case when p.dueOn < :today then true else false end from ReportingPeriod p"
                        + " where p.dueOn <= :soon"
                        + " and ((p.dueOn < :today and p.missedAt is null) or (p.dueOn >= :today and p.remindedAt is null))",
                        Object[].class)
                .setParameter("today", today)
                .setParameter("soon", today.plusDays(remindDays)).getResultList());
        for (Object[] row : due) {
            long id = (Long) row[0];
            boolean missed = (Boolean) row[1];
            try {
                QuarkusTransaction.requiringNew().run(() -> tell(id, missed));
            } catch (RuntimeException e) {
                LOG.warnf(e, "deadline notices of reporting period %d not recorded; tried again at the next check", id);
            }
        }
    }

    /** Marks the period told, and tells each active pair of its programme whose report has not come. */
    private void tell(long periodId, boolean missed) {
        String column = missed ? "missedAt" : "remindedAt";
        int claimed = ReportingPeriod.update(column + " = ?1 where id = ?2 and " + column + " is null",
                OffsetDateTime.now(clock), periodId);
        if (claimed == 0) {
            return; // another instance told it
        }
        ReportingPeriod period = ReportingPeriod.findById(periodId);
        var query = Pairing.getEntityManager().createQuery("select p from Pairing p"
                + " join fetch p.industrialCounty join fetch p.mountainCounty join fetch p.program"
                + " left join " + ReportingCalendar.submissionsOf(period.period)
                + " where p.program.id = :program and p.status = :active and y.firstSubmittedAt is null", Pairing.class)
                .setParameter("year", period.calendarYear).setParameter("program", period.programId)
                .setParameter("active", PairingStatus.ACTIVE);
        if (period.period != ReportingPeriodKind.ANNUAL) {
            query.setParameter("period", period.period);
        }
        List<Pairing> waiting = query.getResultList();
        for (Pairing pairing : waiting) {
            Notice notice = Notice.of(missed ? NotificationType.DEADLINE_MISSED : NotificationType.DEADLINE_APPROACHING,
                    "ReportingPeriod", period.id).pairYear(pairing.id, period.calendarYear)
                    .toCounties(pairing.countyCodes()).with("program", pairing.program.code)
                    .with("period", period.period).with("dueOn", period.dueOn.toString());
            notifications.record(missed ? notice.toRoles(Roles.ASSESSOR) : notice);
        }
    }
}
