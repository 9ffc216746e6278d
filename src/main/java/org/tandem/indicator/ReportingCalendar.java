package org.tandem.indicator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Request;

import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;
import org.tandem.registry.CountyRef;
import org.tandem.registry.Pairing;
import org.tandem.registry.PairingStatus;
import org.tandem.registry.Program;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

/**
 * A programme's reporting calendar (its periods of a year and their due dates) and the submissions that came late
 * or are missing. A due date is the last day on time in China Standard Time; the time is the {@link Clock} bean's.
 */
@ApplicationScoped
class ReportingCalendar {

    /** Due dates are days in the province's time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    Clock clock;

    CalendarView calendar(String programCode, int year) {
        Program program = programIn(programCode, year);
        return view(program, year);
    }

    /**
     * Replaces the year's periods. ANNUAL is required, a period is listed once, and a due date lies on or after the
     * period's first day (400 naming the field).
     */
    @Transactional
    CalendarView replace(String programCode, int year, CalendarView.Input body, Request request) {
        Program program = programIn(programCode, year);
        if (request != null) {
            Versions.checkIfMatch(request, () -> view(program, year));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<ReportingPeriodKind> seen = new HashSet<>();
        for (int i = 0; i < body.periods().size(); i++) {
            CalendarView.Period period = body.periods().get(i);
            if (!seen.add(period.period())) {
                errors.add(new Problem.FieldError("periods[" + i + "].period", period.period() + " is listed twice"));
            } else if (period.dueOn().isBefore(period.period().startsOn(year))) {
                errors.add(new Problem.FieldError("periods[" + i + "].dueOn",
                        "must not be before the period starts (" + period.period().startsOn(year) + ")"));
            }
        }
        if (!seen.contains(ReportingPeriodKind.ANNUAL)) {
            errors.add(new Problem.FieldError("periods", "must include the ANNUAL period"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ReportingPeriod.delete("programId = ?1 and calendarYear = ?2", program.id, year);
        for (CalendarView.Period period : body.periods()) {
            ReportingPeriod.of(program.id, year, period.period(), period.dueOn()).persist();
        }
        ReportingPeriod.flush();
        return view(program, year);
    }

    /**
     * The active pairings of the programme whose report of {@code period} came after the due date (LATE) or has not
     * come while the due date has passed (MISSING), by pairing; {@code county} keeps the pairs of that county.
     * The ANNUAL report is the year's actuals (their first submission); the report of another period is the
     * pair-year's progress report of it ({@link PeriodReport}, its first submission). Every active pairing of the
     * programme owes a report of every period of the calendar. Two statements whatever the page size, plus the
     * calendar's.
     */
    PageOf<OverdueView> overdue(String programCode, int year, ReportingPeriodKind period, String county,
            OverdueView.Status status, PageRequest paging) {
        Program program = programIn(programCode, year);
        ReportingPeriodKind wanted = period == null ? ReportingPeriodKind.ANNUAL : period;
        ReportingPeriod due = ReportingPeriod.of(program.id, year).stream().filter(p -> p.period == wanted).findFirst()
                .orElseThrow(() -> ProblemException.notFound("reporting period", wanted + " of " + program.code + " "
                        + year + " (set the calendar first)"));
        OffsetDateTime deadline = due.dueOn.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean passed = !now.isBefore(deadline);
        List<String> conditions = new ArrayList<>();
        if (status != OverdueView.Status.MISSING) {
            conditions.add("y.firstSubmittedAt >= :deadline");
        }
        if (status != OverdueView.Status.LATE && passed) {
            conditions.add("y.firstSubmittedAt is null");
        }
        if (conditions.isEmpty()) {
            return new PageOf<>(List.of(), paging.page, paging.size, 0);
        }
        String from = " from Pairing p left join " + submissionsOf(wanted)
                + " where p.program.id = :program and p.status = :active"
                + (county == null ? "" : " and (p.industrialCounty.code = :county or p.mountainCounty.code = :county)")
                + " and (" + String.join(" or ", conditions) + ")";
        var em = Pairing.getEntityManager();
        var query = em.createQuery("select p, y.firstSubmittedAt" + from.replace(" from Pairing p", " from Pairing p join fetch"
                + " p.industrialCounty join fetch p.mountainCounty") + " order by p.id", Object[].class);
        var count = em.createQuery("select count(p)" + from, Long.class);
        for (var q : List.of(query, count)) {
            q.setParameter("year", year).setParameter("program", program.id).setParameter("active", PairingStatus.ACTIVE);
            if (county != null) {
                q.setParameter("county", county);
            }
            if (status != OverdueView.Status.MISSING) {
                q.setParameter("deadline", deadline);
            }
            if (wanted != ReportingPeriodKind.ANNUAL) {
                q.setParameter("period", wanted);
            }
        }
        LocalDate today = now.atZoneSameInstant(ZONE).toLocalDate();
        List<OverdueView> items = query.setFirstResult(paging.page * paging.size).setMaxResults(paging.size)
                .getResultList().stream().map(row -> {
                    Pairing pairing = (Pairing) row[0];
                    OffsetDateTime submitted = (OffsetDateTime) row[1];
                    LocalDate came = submitted == null ? today : submitted.atZoneSameInstant(ZONE).toLocalDate();
                    return new OverdueView(pairing.id, CountyRef.of(pairing.industrialCounty),
                            CountyRef.of(pairing.mountainCounty), wanted, due.dueOn,
                            submitted == null ? OverdueView.Status.MISSING : OverdueView.Status.LATE, submitted,
                            ChronoUnit.DAYS.between(due.dueOn, came));
                }).toList();
        return new PageOf<>(items, paging.page, paging.size, paging.total(count::getSingleResult));
    }

    /**
     * The HQL join, as {@code y} with its {@code firstSubmittedAt}, of the submissions of {@code period}'s report by
     * the pairings {@code p} of year {@code :year} (and period {@code :period} unless ANNUAL): the annual actuals'
     * pair-years, or the period's progress reports. Both are found by their unique (pairing, year[, period]) index.
     */
    static String submissionsOf(ReportingPeriodKind period) {
        return period == ReportingPeriodKind.ANNUAL ? "PairYear y on y.pairing = p and y.calendarYear = :year"
                : "PeriodReport y on y.pairing = p and y.calendarYear = :year and y.period = :period";
    }

    private static CalendarView view(Program program, int year) {
        return new CalendarView(program.code, year, ReportingPeriod.of(program.id, year).stream()
                .map(p -> new CalendarView.Period(p.period, p.dueOn)).toList());
    }

    private static Program programIn(String code, int year) {
        Program program = Program.require(code);
        if (!program.covers(year)) {
            throw ProblemException.invalid("year", "must be within the years of program " + program.code + " ("
                    + program.startYear + "–" + program.endYear + ")");
        }
        return program;
    }
}
