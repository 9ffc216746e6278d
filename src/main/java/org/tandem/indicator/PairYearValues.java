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

import org.tandem.notification.Notice;
import org.tandem.notification.NotificationType;
import org.tandem.notification.Notifications;
import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.registry.YearLock;
import org.tandem.security.Access;
import org.tandem.security.Actor;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

/**
 * The targets and actuals of a pair-year and the workflow of its actuals: every write of them, with its
 * rules and its history, goes through here, whoever makes it (the API today, an import or a report later).
 * Writes check the caller's access to the pairing and that no finalized assessment locks the year. Targets
 * and actuals share one ETag, the pair-year's; a write given a {@link Request} refuses it with 412 when its
 * If-Match is stale (callers outside HTTP pass null and have no precondition).
 */
@ApplicationScoped
class PairYearValues {

    private static final Map<String, String> HISTORY_SORTABLE = Map.of("occurredAt", "occurredAt");

    @Inject
    Access access;
    @Inject
    Actor actor;
    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    TargetsView targets(long pairingId, int year) {
        Pairing pairing = pairingIn(pairingId, year);
        PairYear pairYear = PairYear.find(pairingId, year);
        return targets(pairing, year);
    }

    ActualsView actuals(long pairingId, int year) {
        Pairing pairing = pairingIn(pairingId, year);
        PairYear pairYear = PairYear.find(pairingId, year);
        return actuals(pairing, year, pairYear);
    }

    @Transactional
    TargetsView writeTargets(long pairingId, int year, ValuesInput body, Request request) {
        Pairing pairing = pairingIn(pairingId, year);
        PairYear pairYear = write(pairing, year, ValueKind.TARGET, body, request);
        return targets(pairing, year);
    }

    @Transactional
    ActualsView writeActuals(long pairingId, int year, ValuesInput body, Request request) {
        Pairing pairing = pairingIn(pairingId, year);
        PairYear pairYear = write(pairing, year, ValueKind.ACTUAL, body, request);
        return actuals(pairing, year, pairYear);
    }

    /** DRAFT → SUBMITTED, by someone who may change the pairing's data. */
    @Transactional
    ActualsView submit(long pairingId, int year, StepInput body, Request request) {
        return step(pairingId, year, ChangeAction.SUBMIT, body, request);
    }

    /** One county's confirmation of DRAFT actuals; both together submit them. */
    @Transactional
    ActualsView confirm(long pairingId, int year, StepInput body, Request request) {
        return step(pairingId, year, ChangeAction.CONFIRM, body, request);
    }

    /** SUBMITTED → the next level of the chain, or APPROVED after the last. */
    @Transactional
    ActualsView approve(long pairingId, int year, StepInput body, Request request) {
        return step(pairingId, year, ChangeAction.APPROVE, body, request);
    }

    /** SUBMITTED or APPROVED → DRAFT, with a comment saying what to correct. */
    @Transactional
    ActualsView sendBack(long pairingId, int year, StepInput body, Request request) {
        return step(pairingId, year, ChangeAction.RETURN, body, request);
    }

    /** The pair-year's history, filtered by indicator code and kind when given. */
    PageOf<ChangeView> history(long pairingId, int year, String indicator, ChangeKind kind, PageRequest paging) {
        pairingIn(pairingId, year);
        StringBuilder where = new StringBuilder("pairingId = :pairing and calendarYear = :year");
        Map<String, Object> params = new HashMap<>();
        params.put("pairing", pairingId);
        params.put("year", year);
        if (indicator != null) {
            where.append(" and indicatorCode = :indicator");
            params.put("indicator", indicator);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind);
        }
        var query = PairYearChange.<PairYearChange> find(where.toString(),
                paging.toSort(HISTORY_SORTABLE, "-occurredAt", "id"), params).page(paging.toPage());
        return new PageOf<>(query.list().stream().map(ChangeView::of).toList(), paging.page, paging.size,
                query.count());
    }

    /** The pairing, provided the year lies within its program's years. */
    static Pairing pairingIn(long id, int year) {
        Pairing pairing = Pairing.require(id);
        if (!pairing.program.covers(year)) {
            throw ProblemException.invalid("year", "must be within the years of program " + pairing.program.code + " ("
                    + pairing.program.startYear + "–" + pairing.program.endYear + ")");
        }
        return pairing;
    }

    /** Checks every item, then applies all of them and records each change; nothing is written on any error. */
    PairYear write(Pairing pairing, int year, ValueKind kind, ValuesInput body, Request request) {
        access.checkPairing(pairing);
        YearLock.holdAndCheck(pairing.id, List.of(year));
        PairYear before = PairYear.find(pairing.id, year);
        if (request != null) {
            Versions.checkIfMatch(request,
                    () -> kind == ValueKind.TARGET ? targets(pairing, year) : actuals(pairing, year, before));
        }
        PairYear pairYear = before;
        if (kind == ValueKind.ACTUAL && pairYear != null) {
            pairYear.checkActualsEditable();
        }
        Map<String, Indicator> known = known(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ItemRefusal refusal : refusals(kind, body.items(), known)) {
            errors.add(new Problem.FieldError("items[" + refusal.index() + "].indicator", refusal.message()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Map<String, IndicatorValue> stored = stored(pairing.id, year, kind);
        List<ValuesInput.Item> changed = body.items().stream()
                .filter(item -> outcome(stored.get(item.indicator()), item.value()) != Outcome.UNCHANGED).toList();
        if (changed.isEmpty()) {
            return pairYear;
        }
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        pairYear = apply(pairing, year, kind, pairYear, changed, stored, known, reason, actor.name(),
                OffsetDateTime.now(clock));
        PairYear.flush();
        return pairYear;
    }

    /**
     * Applies checked changes to a pair-year's values and records each in its history, unflushed: starts the
     * pair-year if it has none yet, else checks the reason and moves its version on. Returns the pair-year.
     */
    static PairYear apply(Pairing pairing, int year, ValueKind kind, PairYear pairYear, List<ValuesInput.Item> changed,
            Map<String, IndicatorValue> stored, Map<String, Indicator> known, String reason, String who,
            OffsetDateTime now) {
        if (pairYear == null) {
            pairYear = PairYear.start(pairing, year);
            pairYear.persist();
        } else {
            pairYear.checkReason(reason);
            // Targets and actuals share the pair-year's ETag: any write moves it on, at once, and a
            // concurrent write of the same pair-year waits and then fails its version check (412).
            PairYear.getEntityManager().lock(pairYear, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            if (kind == ValueKind.ACTUAL && pairYear.approvalsInForce > 0) {
                // The confirmations were of other values: they no longer hold, and the counties confirm again.
                List<PairYearApproval> inForce = PairYearApproval.inForce(pairYear.id);
                for (PairYearChange withdrawal : pairYear.withdraw(inForce,
                        "the actuals changed" + (reason == null ? "" : ": " + reason), who, now)) {
                    withdrawal.persist();
                }
                PairYearApproval.delete("pairYearId", pairYear.id);
            }
        }
        for (ValuesInput.Item item : changed) {
            IndicatorValue current = stored.get(item.indicator());
            BigDecimal old = current == null ? null : current.quantity;
            if (item.value() == null) {
                current.delete();
            } else if (current == null) {
                IndicatorValue.of(pairing, year, kind, known.get(item.indicator()), item.value()).persist();
            } else {
                current.quantity = item.value();
            }
            PairYearChange.value(pairing.id, year, kind, item.indicator(), old, item.value(), reason, who, now)
                    .persist();
        }
        return pairYear;
    }

    /** What writing one value does to what is stored. */
    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** Why item {@code index} of a bulk write is refused: a stable code and the API's message. */
    record ItemRefusal(int index, String code, String message) {
    }

    /** The pair-year's stored values of {@code kind}, by indicator code. */
    static Map<String, IndicatorValue> stored(long pairingId, int year, ValueKind kind) {
        Map<String, IndicatorValue> stored = new HashMap<>();
        for (IndicatorValue value : IndicatorValue.<IndicatorValue> list(
                "pairing.id = ?1 and calendarYear = ?2 and kind = ?3", pairingId, year, kind)) {
            stored.put(value.indicator.code, value);
        }
        return stored;
    }

    /** What writing {@code value} (null: removing) over {@code current} does; removing counts as an update. */
    static Outcome outcome(IndicatorValue current, BigDecimal value) {
        if (current == null) {
            return value == null ? Outcome.UNCHANGED : Outcome.CREATED;
        }
        return value != null && current.quantity.compareTo(value) == 0 ? Outcome.UNCHANGED : Outcome.UPDATED;
    }

    /**
     * The rules every listed item of a bulk write must pass, whoever writes it: listed once, a known indicator,
     * one that takes a value of this kind.
     */
    static List<ItemRefusal> refusals(ValueKind kind, List<ValuesInput.Item> items, Map<String, Indicator> known) {
        List<ItemRefusal> refusals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            ValuesInput.Item item = items.get(i);
            Indicator indicator = known.get(item.indicator());
            if (!seen.add(item.indicator())) {
                refusals.add(new ItemRefusal(i, "duplicate-indicator", item.indicator() + " is listed more than once"));
            } else if (indicator == null) {
                refusals.add(new ItemRefusal(i, "unknown-indicator", "no indicator with code " + item.indicator()));
            } else {
                String refusal = indicator.refusal(kind, item.value());
                if (refusal != null) {
                    refusals.add(new ItemRefusal(i,
                            kind == ValueKind.ACTUAL && indicator.isDerived() ? "derived-indicator" : "inactive-indicator",
                            refusal));
                }
            }
        }
        return refusals;
    }

    /** The listed indicators that exist, by code, in one statement. */
    static Map<String, Indicator> known(ValuesInput body) {
        Set<String> codes = new HashSet<>();
        body.items().forEach(item -> codes.add(item.indicator()));
        Map<String, Indicator> known = new HashMap<>();
        for (Indicator indicator : codes.isEmpty() ? List.<Indicator> of()
                : Indicator.<Indicator> list("code in ?1", codes)) {
            known.put(indicator.code, indicator);
        }
        return known;
    }

    private ActualsView step(long pairingId, int year, ChangeAction action, StepInput body,
            Request request) {
        Pairing pairing = pairingIn(pairingId, year);
        if (action == ChangeAction.SUBMIT || action == ChangeAction.CONFIRM) {
            access.checkPairing(pairing);
        }
        YearLock.holdAndCheck(pairingId, List.of(year));
        PairYear current = PairYear.find(pairingId, year);
        if (request != null) {
            Versions.checkIfMatch(request, () -> actuals(pairing, year, current));
        }
        PairYear pairYear = current;
        String comment = body == null || body.comment() == null || body.comment().isBlank() ? null
                : body.comment().strip();
        String county = body == null ? null : body.county();
        PairYear.checkComment(action, comment);
        List<ApprovalLevel> chain = ApprovalChain.of(pairing.program.id);
        if (pairYear == null) {
            pairYear = PairYear.start(pairing, year);
            pairYear.persist();
        }
        ApprovalLevel waitingBefore = pairYear.actualsState == ActualsState.SUBMITTED ? pairYear.awaitingLevel : null;
        List<PairYearApproval> inForce = new ArrayList<>(
                pairYear.approvalsInForce == 0 ? List.of() : PairYearApproval.inForce(pairYear.id));
        OffsetDateTime now = OffsetDateTime.now(clock);
        String who = actor.name();
        switch (action) {
            case SUBMIT -> pairYear.submit(chain, comment, who, now).persist();
            case CONFIRM -> pairYear.confirm(chain, inForce, confirmingSide(pairing, county), comment, who, now)
                    .persist();
            case APPROVE -> {
                pairYear.checkSubmitted();
                ApprovalLevel level = pairYear.actingLevel();
                checkLevel(chain, level);
                pairYear.approve(chain, inForce, approvingSides(pairing, level, county), comment, who, now)
                        .forEach(change -> change.persist());
            }
            case RETURN -> {
                ApprovalLevel level = pairYear.actingLevel();
                if (level != null) {
                    checkLevel(chain, level);
                    approvingSides(pairing, level, county);
                }
                pairYear.sendBack(level, comment, who, now).persist();
                PairYearApproval.delete("pairYearId", pairYear.id);
            }
            default -> throw new IllegalArgumentException(action + " is not a workflow step");
        }
        PairYear.flush();
        notify(pairing, year, action, comment, pairYear, waitingBefore);
        return actuals(pairing, year, pairYear);
    }

    /**
     * Refuses a caller who does not act at {@code level}: 403 not-your-level when it acts at no level of the chain,
     * 409 awaiting-another-level when its level's turn has not come or has passed.
     */
    private void checkLevel(List<ApprovalLevel> chain, ApprovalLevel level) {
        Set<ApprovalLevel> mine = ApprovalLevel.of(access);
        if (mine.contains(level)) {
            return;
        }
        if (chain.stream().noneMatch(mine::contains)) {
            throw new ProblemException(403, "not-your-level", "Forbidden", "the approval chain of this program " + chain
                    + " has no level you act at " + mine, null);
        }
        throw ProblemException.conflict("awaiting-another-level", "these actuals await level " + level
                + "; you act at " + mine);
    }

    /**
     * The side a county confirms for: a county editor's own county (403 not-your-county when the body names the
     * other); an admin names the county (400 naming county).
     */
    private ApprovalSide confirmingSide(Pairing pairing, String county) {
        String own = access.county();
        if (!access.hasRole(Roles.ADMIN)) {
            if (county != null && !county.equals(own)) {
                throw new ProblemException(403, "not-your-county", "Forbidden",
                        "a county editor confirms for its own county only (" + own + ")", null);
            }
            county = own;
        } else if (county == null) {
            throw ProblemException.invalid("county", "is required of an admin: the county of the pair to confirm for");
        }
        ApprovalSide side = sideOf(pairing, county);
        if (side == null) {
            throw ProblemException.invalid("county", "must be " + pairing.industrialCounty.code + " or "
                    + pairing.mountainCounty.code + ", a county of the pair");
        }
        return side;
    }

    /**
     * The sides of {@code level} the caller approves or returns for. The province has one side. At CITY, a city
     * reviewer acts for the sides whose county lies in its city (403 not-your-city for a pair with none), an admin
     * for every side or for the county named.
     */
    private List<ApprovalSide> approvingSides(Pairing pairing, ApprovalLevel level, String county) {
        if (level == ApprovalLevel.PROVINCE) {
            return level.sides();
        }
        List<ApprovalSide> sides = new ArrayList<>(level.sides());
        if (county != null) {
            ApprovalSide named = sideOf(pairing, county);
            if (named == null) {
                throw ProblemException.invalid("county", "must be " + pairing.industrialCounty.code + " or "
                        + pairing.mountainCounty.code + ", a county of the pair");
            }
            sides.retainAll(List.of(named));
        }
        if (!access.hasRole(Roles.ADMIN)) {
            String city = access.city();
            sides.removeIf(side -> !cityOf(pairing, side).equals(city));
            if (sides.isEmpty()) {
                throw new ProblemException(403, "not-your-city", "Forbidden", "only a city reviewer of "
                        + pairing.industrialCounty.cityName + " or " + pairing.mountainCounty.cityName
                        + " may act for this pairing" + (county == null ? "" : "'s county " + county), null);
            }
        }
        return sides;
    }

    private static ApprovalSide sideOf(Pairing pairing, String county) {
        if (pairing.industrialCounty.code.equals(county)) {
            return ApprovalSide.INDUSTRIAL;
        }
        return pairing.mountainCounty.code.equals(county) ? ApprovalSide.MOUNTAIN : null;
    }

    private static String cityOf(Pairing pairing, ApprovalSide side) {
        return side == ApprovalSide.INDUSTRIAL ? pairing.industrialCounty.cityCode : pairing.mountainCounty.cityCode;
    }

    /**
     * The events a step records, in its transaction. A return sends the pair back to work with its comment. A step
     * that leaves the actuals waiting for a level (submitted, confirmed by both counties, approved by a level below
     * the last) tells that level: the assessors for the province, the reviewers of the pair's cities for the city,
     * the other county while one county has confirmed. Both counties of the pair see every event of their pair.
     */
    private void notify(Pairing pairing, int year, ChangeAction action, String comment, PairYear after,
            ApprovalLevel waitingBefore) {
        Notice notice;
        if (action == ChangeAction.RETURN) {
            notice = Notice.of(NotificationType.DATA_RETURNED, "PairYear", pairing.id + "/" + year)
                    .toRoles(Roles.ASSESSOR);
        } else if (after.actualsState == ActualsState.SUBMITTED && after.awaitingLevel != null
                && after.awaitingLevel != waitingBefore) {
            notice = after.awaitingLevel.audienceOf(Notice.of(NotificationType.SUBMISSION_WAITING, "PairYear",
                    pairing.id + "/" + year).with("level", after.awaitingLevel), pairing);
        } else if (action == ChangeAction.CONFIRM && after.actualsState == ActualsState.DRAFT) {
            notice = Notice.of(NotificationType.SUBMISSION_WAITING, "PairYear", pairing.id + "/" + year)
                    .with("level", ApprovalLevel.PAIR_COUNTIES);
        } else {
            return;
        }
        notifications.record(notice.pairYear(pairing.id, year).toCounties(pairing.countyCodes())
                .with("program", pairing.program.code).with("comment", comment));
    }

    private static TargetsView targets(Pairing pairing, int year) {
        return new TargetsView(pairing.id, year,
                IndicatorValue.of(pairing.id, year, ValueKind.TARGET).stream().map(ValueView::of).toList());
    }

    private static ActualsView actuals(Pairing pairing, int year, PairYear pairYear) {
        List<ApprovalLevel> chain = ApprovalChain.of(pairing.program.id);
        List<PairYearApproval> inForce = pairYear == null || pairYear.approvalsInForce == 0 ? List.of()
                : PairYearApproval.inForce(pairYear.id);
        return new ActualsView(pairing.id, year, PairYear.stateOf(pairYear), pairYear != null && pairYear.everSubmitted,
                IndicatorValue.of(pairing.id, year, ValueKind.ACTUAL).stream().map(ValueView::of).toList(),
                pairYear == null ? null : pairYear.awaitingLevel, pairYear == null ? null : pairYear.firstSubmittedAt,
                pairYear == null ? null : pairYear.lastSubmittedAt, ApprovalsView.of(pairing, chain, pairYear, inForce));
    }
}
