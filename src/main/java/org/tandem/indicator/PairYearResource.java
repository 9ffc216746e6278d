package org.tandem.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.assessment.YearLock;
import org.tandem.audit.Actor;
import org.tandem.cache.ReadCache;
import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.security.Access;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * Targets, actuals, their history and progress for one pairing in one year. Targets and actuals of a
 * pair-year share one ETag (the pair-year's version), so a bulk write based on a stale read gets 412.
 */
@Path("/api/v1/pairings/{id}/years/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Targets and actuals")
@Authenticated
public class PairYearResource {

    @Inject
    Access access;

    private static final String BULK = " Bulk and all-or-nothing: every item is checked first (400 naming items[i].indicator "
            + "or items[i].value: unknown, inactive or duplicated indicator, negative value, more than 4 decimals) and "
            + "nothing is written unless all pass. Listed items are upserted; items not listed stay as they are; "
            + "an item with value null removes that value. Every change is kept in the history with the old and new "
            + "value, the actor and the reason, which is required "
            + "(400 naming reason) once the pair-year's actuals were ever submitted. The year must be within the "
            + "program's years (400 naming year).";
    private static final Map<String, String> HISTORY_SORTABLE = Map.of("occurredAt", "occurredAt");

    @Inject
    Actor actor;
    @Inject
    DerivedValues derivedValues;
    @Inject
    ReadCache reads;

    @GET
    @Path("/targets")
    @Operation(summary = "Get a pairing's targets for a year")
    public RestResponse<TargetsView> getTargets(@PathParam("id") long id, @PathParam("year") int year) {
        Pairing pairing = pairingIn(id, year);
        return Versions.ok(targets(pairing, year));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @PUT
    @Path("/targets")
    @Transactional
    @Operation(summary = "Set some of a pairing's targets for a year", description = "Targets can be set for REPORTED "
            + "and DERIVED indicators, in any workflow state." + BULK)
    public RestResponse<TargetsView> putTargets(@PathParam("id") long id, @PathParam("year") int year,
            @Valid @NotNull ValuesInput body, @Context Request request) {
        Pairing pairing = pairingIn(id, year);
        PairYear pairYear = write(pairing, year, ValueKind.TARGET, body, request);
        return Versions.ok(targets(pairing, year));
    }

    @GET
    @Path("/actuals")
    @Operation(summary = "Get a pairing's reported actuals for a year, with their workflow state")
    public RestResponse<ActualsView> getActuals(@PathParam("id") long id, @PathParam("year") int year) {
        Pairing pairing = pairingIn(id, year);
        PairYear pairYear = PairYear.find(id, year);
        return Versions.ok(actuals(pairing, year, pairYear));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @PUT
    @Path("/actuals")
    @Transactional
    @Operation(summary = "Set some of a pairing's reported actuals for a year", description = "Only while the actuals "
            + "are DRAFT (409 actuals-locked once SUBMITTED or APPROVED); DERIVED indicators take no actual (400)."
            + BULK)
    public RestResponse<ActualsView> putActuals(@PathParam("id") long id, @PathParam("year") int year,
            @Valid @NotNull ValuesInput body, @Context Request request) {
        Pairing pairing = pairingIn(id, year);
        PairYear pairYear = write(pairing, year, ValueKind.ACTUAL, body, request);
        return Versions.ok(actuals(pairing, year, pairYear));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @POST
    @Path("/actuals/submit")
    @Transactional
    @Operation(summary = "Submit the year's actuals for approval", description = "DRAFT → SUBMITTED; 409 "
            + "submit-requires-draft otherwise. From then on every change of a value needs a reason.")
    public RestResponse<ActualsView> submitActuals(@PathParam("id") long id, @PathParam("year") int year,
            @Valid StepInput body, @Context Request request) {
        return step(id, year, ChangeAction.SUBMIT, body, request);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/actuals/approve")
    @Transactional
    @Operation(summary = "Approve the year's submitted actuals", description = "SUBMITTED → APPROVED; 409 "
            + "approve-requires-submitted otherwise.")
    public RestResponse<ActualsView> approveActuals(@PathParam("id") long id, @PathParam("year") int year,
            @Valid StepInput body, @Context Request request) {
        return step(id, year, ChangeAction.APPROVE, body, request);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/actuals/return")
    @Transactional
    @Operation(summary = "Return the year's actuals to the pair for correction", description = "SUBMITTED or APPROVED "
            + "→ DRAFT; a comment is required (400 naming comment); 409 return-requires-submitted from DRAFT.")
    public RestResponse<ActualsView> returnActuals(@PathParam("id") long id, @PathParam("year") int year,
            @Valid StepInput body, @Context Request request) {
        return step(id, year, ChangeAction.RETURN, body, request);
    }

    @GET
    @Path("/history")
    @Operation(summary = "History of a pair-year's targets, actuals and workflow steps", description = "Newest first "
            + "(sort -occurredAt, the default, or occurredAt); filter by indicator code and kind.")
    public PageOf<ChangeView> listHistory(@PathParam("id") long id, @PathParam("year") int year,
            @QueryParam("indicator") @Size(max = 48) String indicator, @QueryParam("kind") ChangeKind kind,
            @Valid @BeanParam PageRequest paging) {
        pairingIn(id, year);
        StringBuilder where = new StringBuilder("pairingId = :pairing and calendarYear = :year");
        Map<String, Object> params = new HashMap<>();
        params.put("pairing", id);
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

    @NonBlocking
    @GET
    @Path("/progress")
    @Operation(summary = "Progress of a pair-year: target, actual and completion of every active indicator", description = "DERIVED actuals are computed live from the pair's projects and activities of the year; "
            + "REPORTED ones are the stored actuals whatever their workflow state (see actualsState). "
            + "Completion = actual / target (target / actual for LOWER_IS_BETTER), 4 decimals HALF_UP; absent "
            + "when the target is missing or zero or the actual is missing. Per track: indicators, how many "
            + "have a target, how many are completed (completion ≥ 1) and the mean completion. "
            + "Costs a fixed number of SQL statements.")
    public Uni<ProgressView> getProgress(@PathParam("id") long id, @PathParam("year") int year) {
        return reads.async(() -> {
            pairingIn(id, year);
            PairYear pairYear = PairYear.find(id, year);
            List<Indicator> indicators = Indicator.<Indicator> find("from Indicator i join fetch i.track t"
                    + " where i.active = true order by t.position, i.code").list();
            Map<String, BigDecimal> targets = new HashMap<>();
            Map<String, BigDecimal> actuals = new HashMap<>();
            for (IndicatorValue value : IndicatorValue.<IndicatorValue> list(
                    "pairing.id = ?1 and calendarYear = ?2", id, year)) {
                (value.kind == ValueKind.TARGET ? targets : actuals).put(value.indicator.code, value.quantity);
            }
            Map<String, BigDecimal> derived = derivedValues.compute(List.of(id), year, indicators).get(id);
            List<ProgressView.IndicatorProgress> rows = new ArrayList<>();
            Map<String, List<ProgressView.IndicatorProgress>> byTrack = new LinkedHashMap<>();
            Map<String, Indicator> firstOfTrack = new LinkedHashMap<>();
            for (Indicator indicator : indicators) {
                BigDecimal target = Quantities.plain(targets.get(indicator.code));
                BigDecimal actual = Quantities.plain(indicator.isDerived() ? derived.get(indicator.code)
                        : actuals.get(indicator.code));
                ProgressView.IndicatorProgress row = new ProgressView.IndicatorProgress(indicator.code,
                        indicator.track.code, indicator.nameZh, indicator.nameEn, indicator.unit, indicator.direction,
                        indicator.source, target, actual, Quantities.completion(indicator.direction, target, actual));
                rows.add(row);
                byTrack.computeIfAbsent(indicator.track.code, k -> new ArrayList<>()).add(row);
                firstOfTrack.putIfAbsent(indicator.track.code, indicator);
            }
            List<ProgressView.TrackProgress> tracks = new ArrayList<>();
            for (Map.Entry<String, List<ProgressView.IndicatorProgress>> entry : byTrack.entrySet()) {
                var track = firstOfTrack.get(entry.getKey()).track;
                List<BigDecimal> completions = entry.getValue().stream().map(ProgressView.IndicatorProgress::completion)
                        .filter(c -> c != null).toList();
                int withTarget = (int) entry.getValue().stream().filter(r -> r.target() != null).count();
                int completed = (int) completions.stream().filter(c -> c.compareTo(BigDecimal.ONE) >= 0).count();
                BigDecimal average = completions.isEmpty() ? null
                        : completions.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                                .divide(BigDecimal.valueOf(completions.size()), Quantities.SCALE,
                                        java.math.RoundingMode.HALF_UP);
                tracks.add(new ProgressView.TrackProgress(track.code, track.nameZh, track.nameEn, entry.getValue().size(),
                        withTarget, completed, average));
            }
            return new ProgressView(id, year, PairYear.stateOf(pairYear), Quantities.ROUNDING, rows, tracks);
        });
    }

    /** Checks every item, then applies all of them and records each change; nothing is written on any error. */
    private PairYear write(Pairing pairing, int year, ValueKind kind, ValuesInput body, Request request) {
        access.checkPairing(pairing);
        YearLock.check(pairing.id, List.of(year));
        PairYear pairYear = PairYear.find(pairing.id, year);
        PairYear found = pairYear;
        Versions.checkIfMatch(request,
                () -> kind == ValueKind.TARGET ? targets(pairing, year) : actuals(pairing, year, found));
        if (kind == ValueKind.ACTUAL && pairYear != null) {
            pairYear.checkActualsEditable();
        }
        Set<String> codes = new HashSet<>();
        body.items().forEach(item -> codes.add(item.indicator()));
        Map<String, Indicator> known = new HashMap<>();
        for (Indicator indicator : codes.isEmpty() ? List.<Indicator> of() : Indicator.<Indicator> list("code in ?1", codes)) {
            known.put(indicator.code, indicator);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < body.items().size(); i++) {
            ValuesInput.Item item = body.items().get(i);
            String field = "items[" + i + "].indicator";
            Indicator indicator = known.get(item.indicator());
            if (!seen.add(item.indicator())) {
                errors.add(new Problem.FieldError(field, item.indicator() + " is listed more than once"));
            } else if (indicator == null) {
                errors.add(new Problem.FieldError(field, "no indicator with code " + item.indicator()));
            } else if (kind == ValueKind.ACTUAL && indicator.isDerived()) {
                errors.add(new Problem.FieldError(field, item.indicator()
                        + " is DERIVED: its actual is computed from the pair's projects and activities"));
            } else if (!indicator.active && item.value() != null) {
                errors.add(new Problem.FieldError(field, item.indicator() + " is inactive"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Map<String, IndicatorValue> stored = new HashMap<>();
        for (IndicatorValue value : IndicatorValue.<IndicatorValue> list(
                "pairing.id = ?1 and calendarYear = ?2 and kind = ?3", pairing.id, year, kind)) {
            stored.put(value.indicator.code, value);
        }
        List<ValuesInput.Item> changed = body.items().stream().filter(item -> {
            IndicatorValue current = stored.get(item.indicator());
            return current == null ? item.value() != null
                    : item.value() == null || current.quantity.compareTo(item.value()) != 0;
        }).toList();
        if (changed.isEmpty()) {
            return pairYear;
        }
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        if (pairYear != null && pairYear.needsReason() && reason == null) {
            throw ProblemException.invalid("reason",
                    "is required: the actuals of " + year + " were submitted before, so every change needs a reason");
        }
        if (pairYear == null) {
            pairYear = PairYear.start(pairing, year);
            pairYear.persist();
        } else {
            // Any write moves the pair-year's version on, at once: a concurrent write of the same pair-year waits
            // and then fails its version check (412).
            PairYear.getEntityManager().lock(pairYear, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        OffsetDateTime now = OffsetDateTime.now();
        String who = actor.name();
        for (ValuesInput.Item item : changed) {
            IndicatorValue current = stored.get(item.indicator());
            BigDecimal old = current == null ? null : current.quantity;
            if (item.value() == null) {
                current.delete();
            } else if (current == null) {
                IndicatorValue value = new IndicatorValue();
                value.pairing = pairing;
                value.calendarYear = year;
                value.kind = kind;
                value.indicator = known.get(item.indicator());
                value.quantity = item.value();
                value.persist();
            } else {
                current.quantity = item.value();
            }
            PairYearChange.value(pairing.id, year, kind, item.indicator(), old, item.value(), reason, who, now)
                    .persist();
        }
        PairYear.flush();
        return pairYear;
    }

    private RestResponse<ActualsView> step(long id, int year, ChangeAction action, StepInput body, Request request) {
        Pairing pairing = pairingIn(id, year);
        if (action == ChangeAction.SUBMIT) {
            access.checkPairing(pairing);
        }
        YearLock.check(id, List.of(year));
        PairYear pairYear = PairYear.find(id, year);
        PairYear found = pairYear;
        Versions.checkIfMatch(request, () -> actuals(pairing, year, found));
        String comment = body == null || body.comment() == null || body.comment().isBlank() ? null
                : body.comment().strip();
        if (action == ChangeAction.RETURN && comment == null) {
            throw ProblemException.invalid("comment", "is required to return actuals: say what to correct");
        }
        if (pairYear == null) {
            pairYear = PairYear.start(pairing, year);
            pairYear.persist();
        }
        ActualsState from = pairYear.actualsState;
        switch (action) {
            case SUBMIT -> pairYear.submit();
            case APPROVE -> pairYear.approve();
            case RETURN -> pairYear.sendBack();
            default -> throw new IllegalArgumentException(action + " is not a workflow step");
        }
        PairYearChange.step(id, year, action, from, pairYear.actualsState, comment, actor.name(), OffsetDateTime.now())
                .persist();
        PairYear.flush();
        return Versions.ok(actuals(pairing, year, pairYear));
    }

    private static TargetsView targets(Pairing pairing, int year) {
        return new TargetsView(pairing.id, year,
                IndicatorValue.of(pairing.id, year, ValueKind.TARGET).stream().map(ValueView::of).toList());
    }

    private static ActualsView actuals(Pairing pairing, int year, PairYear pairYear) {
        return new ActualsView(pairing.id, year, PairYear.stateOf(pairYear), pairYear != null && pairYear.everSubmitted,
                IndicatorValue.of(pairing.id, year, ValueKind.ACTUAL).stream().map(ValueView::of).toList());
    }

    /** The pairing, provided the year lies within its program's years. */
    private static Pairing pairingIn(long id, int year) {
        Pairing pairing = Pairing.require(id);
        if (!pairing.program.covers(year)) {
            throw ProblemException.invalid("year", "must be within the years of program " + pairing.program.code + " ("
                    + pairing.program.startYear + "–" + pairing.program.endYear + ")");
        }
        return pairing;
    }
}
