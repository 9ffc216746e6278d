package org.tandem.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Request;

import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.registry.YearLock;
import org.tandem.security.Access;
import org.tandem.security.Actor;
import org.tandem.web.Versions;

/**
 * The progress reports of a pair-year: per-period values of the indicators reported per half-year or per quarter,
 * and their submission, which the reporting calendar checks against the period's due date. A period must be in the
 * programme's calendar of the year (404). Writes check the caller's access to the pairing and that no finalized
 * assessment locks the year, and are kept in the pair-year's history with the period. Period values never change
 * what is scored: assessments read the annual actuals. A write given a {@link Request} refuses a stale If-Match
 * (412).
 */
@ApplicationScoped
class PeriodActuals {

    @Inject
    Access access;
    @Inject
    Actor actor;
    @Inject
    Clock clock;

    PeriodReportView report(long pairingId, int year, String periodName) {
        Pairing pairing = PairYearValues.pairingIn(pairingId, year);
        ReportingPeriod due = dueOf(pairing, year, periodName);
        return view(pairing, year, due, PeriodReport.find(pairingId, year, due.period));
    }

    /**
     * Checks every item (400 naming items[i].indicator or reason), then upserts the listed values, removes those
     * given null and records each change; nothing is written on any error.
     */
    @Transactional
    PeriodReportView write(long pairingId, int year, String periodName, ValuesInput body, Request request) {
        Pairing pairing = PairYearValues.pairingIn(pairingId, year);
        ReportingPeriod due = dueOf(pairing, year, periodName);
        ReportingPeriodKind period = due.period;
        access.checkPairing(pairing);
        YearLock.holdAndCheck(pairing.id, List.of(year));
        PeriodReport report = PeriodReport.find(pairingId, year, period);
        if (request != null) {
            Versions.checkIfMatch(request, () -> view(pairing, year, due, report));
        }
        Map<String, Indicator> known = PairYearValues.known(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < body.items().size(); i++) {
            ValuesInput.Item item = body.items().get(i);
            Indicator indicator = known.get(item.indicator());
            String refusal = !seen.add(item.indicator()) ? item.indicator() + " is listed more than once"
                    : indicator == null ? "no indicator with code " + item.indicator()
                            : indicator.periodRefusal(period, item.value());
            if (refusal != null) {
                errors.add(new Problem.FieldError("items[" + i + "].indicator", refusal));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Map<String, PeriodValue> stored = new HashMap<>();
        for (PeriodValue value : PeriodValue.<PeriodValue> list("pairing.id = ?1 and calendarYear = ?2 and period = ?3",
                pairingId, year, period)) {
            stored.put(value.indicator.code, value);
        }
        List<ValuesInput.Item> changed = body.items().stream().filter(item -> changes(stored.get(item.indicator()),
                item.value())).toList();
        if (changed.isEmpty()) {
            return view(pairing, year, due, report);
        }
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        PeriodReport written = started(pairing, year, period, report);
        written.checkReason(reason);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String who = actor.name();
        for (ValuesInput.Item item : changed) {
            PeriodValue current = stored.get(item.indicator());
            BigDecimal old = current == null ? null : current.quantity;
            if (item.value() == null) {
                current.delete();
            } else if (current == null) {
                PeriodValue.of(pairing, year, period, known.get(item.indicator()), item.value()).persist();
            } else {
                current.quantity = item.value();
            }
            PairYearChange.periodValue(pairing.id, year, period, item.indicator(), old, item.value(), reason, who, now)
                    .persist();
        }
        PeriodReport.flush();
        return view(pairing, year, due, written);
    }

    /** Submits the progress report: its first submission is the one the calendar checks; later ones are kept too. */
    @Transactional
    PeriodReportView submit(long pairingId, int year, String periodName, PeriodSubmitInput body, Request request) {
        Pairing pairing = PairYearValues.pairingIn(pairingId, year);
        ReportingPeriod due = dueOf(pairing, year, periodName);
        access.checkPairing(pairing);
        YearLock.holdAndCheck(pairing.id, List.of(year));
        PeriodReport report = PeriodReport.find(pairingId, year, due.period);
        if (request != null) {
            Versions.checkIfMatch(request, () -> view(pairing, year, due, report));
        }
        String comment = body == null || body.comment() == null || body.comment().isBlank() ? null
                : body.comment().strip();
        PeriodReport submitted = started(pairing, year, due.period, report);
        submitted.submit(comment, actor.name(), OffsetDateTime.now(clock)).persist();
        PeriodReport.flush();
        return view(pairing, year, due, submitted);
    }

    /** The report, started if it has no row yet; an existing one's version moves on at once (its ETag). */
    private static PeriodReport started(Pairing pairing, int year, ReportingPeriodKind period, PeriodReport report) {
        if (report == null) {
            PeriodReport started = PeriodReport.start(pairing, year, period);
            started.persist();
            return started;
        }
        // A concurrent write of the same report waits, then fails its version check (412).
        PeriodReport.getEntityManager().lock(report, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return report;
    }

    private static boolean changes(PeriodValue current, BigDecimal value) {
        if (current == null) {
            return value != null;
        }
        return value == null || current.quantity.compareTo(value) != 0;
    }

    /**
     * The calendar's entry of the named period: 400 naming period for a name that is no period or is ANNUAL (the
     * annual actuals have their own resource), 404 when the programme's calendar of the year has no such period.
     */
    private static ReportingPeriod dueOf(Pairing pairing, int year, String name) {
        ReportingPeriodKind period;
        try {
            period = ReportingPeriodKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("period", "must be one of H1, H2, Q1, Q2, Q3, Q4");
        }
        if (period == ReportingPeriodKind.ANNUAL) {
            throw ProblemException.invalid("period", "ANNUAL values are the year's actuals: use "
                    + "/pairings/{id}/years/{year}/actuals");
        }
        ReportingPeriod due = ReportingPeriod.find("programId = ?1 and calendarYear = ?2 and period = ?3",
                pairing.program.id, year, period).firstResult();
        if (due == null) {
            throw ProblemException.notFound("reporting period", period + " of " + pairing.program.code + " " + year
                    + " (it is not in the programme's calendar of the year)");
        }
        return due;
    }

    private static PeriodReportView view(Pairing pairing, int year, ReportingPeriod due, PeriodReport report) {
        List<String> indicators = Indicator.<Indicator> find("select i from Indicator i join i.track t where i.active = true"
                + " and i.source = ?1 and i.reportedPer = ?2 order by t.position, i.code", IndicatorSource.REPORTED,
                due.period.granularity()).stream().map(i -> i.code).toList();
        return new PeriodReportView(pairing.id, year, due.period, due.dueOn, indicators,
                PeriodValue.of(pairing.id, year, due.period).stream().map(PeriodValue::view).toList(),
                report == null ? null : report.firstSubmittedAt, report == null ? null : report.lastSubmittedAt);
    }
}
