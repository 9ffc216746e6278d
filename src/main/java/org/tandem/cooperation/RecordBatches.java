package org.tandem.cooperation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.tandem.IdArray;
import org.tandem.Money;
import org.tandem.RowResult;
import org.tandem.cooperation.CooperationTallies.Source;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.registry.Track;
import org.tandem.registry.YearLock;
import org.tandem.security.Access;

/**
 * Writes many projects, activities or parks at once, row by row, by the rules of the JSON API: the caller's rights
 * on each row's pairing, the pair's counties as host, years a finalized assessment froze, a project's steps only
 * forward. A row names the record it changes by id, or by what identifies it in its pairing (a project by track
 * and title, an activity by track, kind, date and title, a park by name), so that the same rows again change
 * nothing; a row matching nothing creates a record.
 * <p>
 * Each row's outcome ({@link RowResult}) is created, updated, unchanged or refused (with the problem's code, the
 * field it is about and a message). The rows' changes are written (flushed, with the project years and tallies
 * that follow from them) only when the caller asks for it and no row was refused; otherwise every outcome is still
 * decided, and the changes are left unwritten in the persistence context, for the caller to roll back. Deciding is
 * a fraction of writing, and undoing a write in H2 costs about as much again: a dry run of 10,000 new projects wrote
 * and rolled back each of them.
 */
@ApplicationScoped
public class RecordBatches {

    /** The dates of a project's steps, as columns. */
    private static final List<String> STEP_COLUMNS = List.of("planned_on", "signed_on", "construction_started_on",
            "production_started_on", "cancelled_on");

    /** The later steps of a project as a row gives them; null is "not given", never "undone". */
    public record Steps(LocalDate signedOn, LocalDate constructionStartedOn, LocalDate productionStartedOn,
            LocalDate cancelledOn) {
    }

    public record ProjectRow(Long id, long pairing, ProjectInput details, Steps steps) {
    }

    public record ActivityRow(Long id, long pairing, ActivityInput details) {
    }

    public record ParkRow(Long id, long pairing, ParkInput details) {
    }

    /** The steps a row may add, in the order they are taken, with the column each comes from. */
    private static final List<ProjectStatus> STEPS = List.of(ProjectStatus.SIGNED, ProjectStatus.UNDER_CONSTRUCTION,
            ProjectStatus.IN_PRODUCTION, ProjectStatus.CANCELLED);

    @Inject
    Access access;
    @Inject
    CooperationTallies tallies;
    @Inject
    ProjectYears years;

    /** The pairings rows name, and which of them the caller may write; tracks by code. */
    private final class Context {
        final Map<Long, Pairing> pairings = new HashMap<>();
        final Map<Long, ProblemException> forbidden = new HashMap<>();
        final Map<String, Track> tracks = new HashMap<>();
        final Set<Long> changed = new TreeSet<>();
        /** The year locks of the writable pairings, read once those are locked (when the batch may write). */
        final YearLock.Held locks;

        /**
         * Reads the pairings and their year locks; locks the writable pairings' rows first when {@code hold}, for a
         * batch that may write. One that only decides (a dry run) does not make the pairings' writers wait.
         */
        Context(Collection<Long> pairingIds, boolean hold) {
            for (List<Long> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(pairingIds)))) {
                Pairing.<Pairing> list("from Pairing p join fetch p.industrialCounty join fetch p.mountainCounty"
                        + " where p.id in ?1", chunk).forEach(p -> pairings.put(p.id, p));
            }
            pairings.values().forEach(pairing -> {
                try {
                    access.checkPairing(pairing);
                } catch (ProblemException e) {
                    forbidden.put(pairing.id, e);
                }
            });
            Track.<Track> listAll().forEach(track -> tracks.put(track.code, track));
            // Every pairing the rows may write is locked first, in id order, as a single write locks its own.
            List<Long> writable = new TreeSet<>(pairings.keySet()).stream().filter(id -> !forbidden.containsKey(id))
                    .toList();
            if (hold) {
                Pairing.lockRows(writable);
            }
            locks = YearLock.held(writable);
        }

        /** The row's pairing if the caller may write it, else the refusal. */
        RowResult refusal(long pairingId) {
            if (!pairings.containsKey(pairingId)) {
                return RowResult.refused("not-found", "pairing", "pairing " + pairingId + " does not exist");
            }
            ProblemException forbid = forbidden.get(pairingId);
            return forbid == null ? null : RowResult.refused(forbid.code(), "pairing", forbid.getMessage());
        }

        RowResult hostRefusal(Pairing pairing, String hostCounty) {
            if (pairing.countyCodes().contains(hostCounty)) {
                return null;
            }
            return RowResult.refused("host-county-not-in-pair", "hostCounty", "must be one of the pair's counties: "
                    + String.join(" or ", pairing.countyCodes()));
        }
    }

    // Projects

    @Transactional(Transactional.TxType.MANDATORY)
    public List<RowResult> projects(List<ProjectRow> rows, boolean write) {
        Context context = new Context(rows.stream().map(ProjectRow::pairing).toList(), write);
        Map<Long, CooperationProject> byId = byId(CooperationProject.class,
                rows.stream().map(ProjectRow::id).filter(Objects::nonNull).toList());
        Map<List<Object>, List<CooperationProject>> byName = byName(CooperationProject.class, "title",
                rows.stream().filter(r -> r.id() == null).map(r -> r.details().title()).toList(),
                rows.stream().map(ProjectRow::pairing).toList(), p -> List.of(p.pairing.id, p.track.code, p.title));
        List<RowResult> results = new ArrayList<>();
        Set<Object> seen = new java.util.HashSet<>();
        List<CooperationProject> written = new ArrayList<>();
        for (ProjectRow row : rows) {
            RowResult refused = context.refusal(row.pairing());
            if (refused == null) {
                refused = context.hostRefusal(context.pairings.get(row.pairing()), row.details().hostCounty());
            }
            Track track = context.tracks.get(row.details().track());
            if (refused == null && track == null) {
                refused = RowResult.refused("unknown-track", "track", "no track with code " + row.details().track());
            }
            if (refused != null) {
                results.add(refused);
                continue;
            }
            Match<CooperationProject> match = match(row.id(), row.pairing(), byId, byName,
                    List.of(row.pairing(), track.code, row.details().title()), p -> p.pairing.id, p -> p.id, "project");
            if (match.refusal() != null || !seen.add(match.key())) {
                results.add(match.refusal() != null ? match.refusal()
                        : RowResult.refused("duplicate-record", "key", "the same project is on an earlier row"));
                continue;
            }
            CooperationProject[] target = { match.record() };
            RowResult result = project(context.pairings.get(row.pairing()), target, row, track, context.locks);
            results.add(result);
            if (result.outcome() != null && result.outcome() != RowResult.Outcome.UNCHANGED) {
                context.changed.add(row.pairing());
                written.add(target[0]);
            }
        }
        if (writes(write, results)) {
            CooperationProject.flush();
            if (!written.isEmpty()) {
                years.write(written.stream().map(project -> project.id).toList());
            }
            tallies.recount(Source.PROJECTS, context.changed);
        }
        return results;
    }

    /** Applies a row to {@code target[0]}, or to a new project it then holds. */
    private static RowResult project(Pairing pairing, CooperationProject[] target, ProjectRow row, Track track,
            YearLock.Held locks) {
        CooperationProject existing = target[0];
        CooperationProject project = existing;
        ProjectInput details = row.details();
        Map<ProjectStatus, LocalDate> given = steps(row.steps());
        try {
            if (existing != null) {
                for (var step : given.entrySet()) {
                    LocalDate stored = existing.stepDate(step.getKey());
                    if (stored != null && !stored.equals(step.getValue())) {
                        return RowResult.refused("step-date-fixed", stepField(step.getKey()), "the project was "
                                + step.getKey() + " on " + stored + "; a step taken does not change");
                    }
                }
                // Every step given was checked equal to one taken, or is new.
                if (same(existing, details, track)
                        && given.keySet().stream().allMatch(status -> existing.stepDate(status) != null)) {
                    return RowResult.of(RowResult.Outcome.UNCHANGED, existing.id);
                }
                locks.check(pairing.id, existing.stepYears());
            } else {
                project = CooperationProject.of(pairing);
            }
            project.describe(details, track);
            for (ProjectStatus status : STEPS) {
                LocalDate on = given.get(status);
                if (on != null && project.stepDate(status) == null) {
                    try {
                        project.moveTo(status, on);
                    } catch (ProblemException e) {
                        return RowResult.refused("illegal-transition".equals(e.code()) ? e.code() : "step-before-previous",
                                stepField(status), e.getMessage());
                    }
                }
            }
            locks.check(pairing.id, project.stepYears());
        } catch (ProblemException e) {
            // describe refuses a planning date after a later step; YearLock a year a finalized assessment froze
            return RowResult.refused("validation".equals(e.code()) ? "planned-after-steps" : e.code(), "plannedOn",
                    e.getMessage());
        }
        if (existing == null) {
            project.persist();
        }
        target[0] = project;
        return RowResult.of(existing == null ? RowResult.Outcome.CREATED : RowResult.Outcome.UPDATED, project.id);
    }

    private static boolean same(CooperationProject p, ProjectInput in, Track track) {
        return p.track.code.equals(track.code) && p.title.equals(in.title())
                && Objects.equals(p.leadEnterprise, in.leadEnterprise()) && p.hostCounty.code.equals(in.hostCounty())
                && sameAmount(p.investment, Money.of(in.investment()))
                && sameAmount(p.expectedAnnualOutput, Money.of(in.expectedAnnualOutput()))
                && sameAmount(p.expectedAnnualTax, Money.of(in.expectedAnnualTax())) && p.plannedOn.equals(in.plannedOn())
                && Objects.equals(p.description, in.description());
    }

    private static Map<ProjectStatus, LocalDate> steps(Steps steps) {
        Map<ProjectStatus, LocalDate> given = new LinkedHashMap<>();
        if (steps == null) {
            return given;
        }
        put(given, ProjectStatus.SIGNED, steps.signedOn());
        put(given, ProjectStatus.UNDER_CONSTRUCTION, steps.constructionStartedOn());
        put(given, ProjectStatus.IN_PRODUCTION, steps.productionStartedOn());
        put(given, ProjectStatus.CANCELLED, steps.cancelledOn());
        return given;
    }

    private static void put(Map<ProjectStatus, LocalDate> given, ProjectStatus status, LocalDate on) {
        if (on != null) {
            given.put(status, on);
        }
    }

    /** The field (column) of a step's date. */
    public static String stepField(ProjectStatus status) {
        return switch (status) {
            case SIGNED -> "signedOn";
            case UNDER_CONSTRUCTION -> "constructionStartedOn";
            case IN_PRODUCTION -> "productionStartedOn";
            case CANCELLED -> "cancelledOn";
            case PLANNED -> "plannedOn";
        };
    }

    // Activities

    @Transactional(Transactional.TxType.MANDATORY)
    public List<RowResult> activities(List<ActivityRow> rows, boolean write) {
        Context context = new Context(rows.stream().map(ActivityRow::pairing).toList(), write);
        Map<Long, CooperationActivity> byId = byId(CooperationActivity.class,
                rows.stream().map(ActivityRow::id).filter(Objects::nonNull).toList());
        Map<List<Object>, List<CooperationActivity>> byName = byName(CooperationActivity.class, "title",
                rows.stream().filter(r -> r.id() == null).map(r -> r.details().title()).toList(),
                rows.stream().map(ActivityRow::pairing).toList(),
                a -> List.of(a.pairing.id, a.track.code, a.kind, a.heldOn, a.title));
        List<RowResult> results = new ArrayList<>();
        Set<Object> seen = new java.util.HashSet<>();
        for (ActivityRow row : rows) {
            RowResult refused = context.refusal(row.pairing());
            Track track = context.tracks.get(row.details().track());
            if (refused == null && track == null) {
                refused = RowResult.refused("unknown-track", "track", "no track with code " + row.details().track());
            }
            if (refused != null) {
                results.add(refused);
                continue;
            }
            ActivityInput details = row.details();
            Match<CooperationActivity> match = match(row.id(), row.pairing(), byId, byName,
                    List.of(row.pairing(), track.code, details.kind(), details.heldOn(), details.title()),
                    a -> a.pairing.id, a -> a.id, "activity");
            if (match.refusal() != null || !seen.add(match.key())) {
                results.add(match.refusal() != null ? match.refusal()
                        : RowResult.refused("duplicate-record", "key", "the same activity is on an earlier row"));
                continue;
            }
            CooperationActivity activity = match.record();
            if (activity != null && same(activity, details, track)) {
                results.add(RowResult.of(RowResult.Outcome.UNCHANGED, activity.id));
                continue;
            }
            Pairing pairing = context.pairings.get(row.pairing());
            CooperationActivity target = activity == null ? CooperationActivity.of(pairing) : activity;
            try {
                context.locks.check(pairing.id, target.yearsChangedByHoldingOn(details.heldOn()));
            } catch (ProblemException e) {
                results.add(RowResult.refused(e.code(), "heldOn", e.getMessage()));
                continue;
            }
            target.describe(details, track);
            if (activity == null) {
                target.persist();
            }
            context.changed.add(pairing.id);
            results.add(RowResult.of(activity == null ? RowResult.Outcome.CREATED : RowResult.Outcome.UPDATED, target.id));
        }
        if (writes(write, results)) {
            CooperationActivity.flush();
            tallies.recount(Source.ACTIVITIES, context.changed);
        }
        return results;
    }

    private static boolean same(CooperationActivity a, ActivityInput in, Track track) {
        return a.track.code.equals(track.code) && a.kind == in.kind() && a.heldOn.equals(in.heldOn())
                && a.title.equals(in.title()) && Objects.equals(a.participants, in.participants())
                && Objects.equals(a.enterprises, in.enterprises()) && sameAmount(a.amount, Money.of(in.amount()))
                && Objects.equals(a.description, in.description());
    }

    // Parks

    @Transactional(Transactional.TxType.MANDATORY)
    public List<RowResult> parks(List<ParkRow> rows, boolean write) {
        Context context = new Context(rows.stream().map(ParkRow::pairing).toList(), write);
        Map<Long, CooperationPark> byId = byId(CooperationPark.class,
                rows.stream().map(ParkRow::id).filter(Objects::nonNull).toList());
        Map<List<Object>, List<CooperationPark>> byName = byName(CooperationPark.class, "name",
                rows.stream().filter(r -> r.id() == null).map(r -> r.details().name()).toList(),
                rows.stream().map(ParkRow::pairing).toList(), p -> List.of(p.pairing.id, p.name));
        List<RowResult> results = new ArrayList<>();
        Set<Object> seen = new java.util.HashSet<>();
        for (ParkRow row : rows) {
            RowResult refused = context.refusal(row.pairing());
            if (refused == null) {
                refused = context.hostRefusal(context.pairings.get(row.pairing()), row.details().hostCounty());
            }
            if (refused != null) {
                results.add(refused);
                continue;
            }
            ParkInput details = row.details();
            Match<CooperationPark> match = match(row.id(), row.pairing(), byId, byName,
                    List.of(row.pairing(), details.name()), p -> p.pairing.id, p -> p.id, "park");
            if (match.refusal() != null || !seen.add(match.key())) {
                results.add(match.refusal() != null ? match.refusal()
                        : RowResult.refused("duplicate-record", "key", "the same park is on an earlier row"));
                continue;
            }
            CooperationPark park = match.record();
            if (park != null && same(park, details)) {
                results.add(RowResult.of(RowResult.Outcome.UNCHANGED, park.id));
                continue;
            }
            CooperationPark target = park == null ? CooperationPark.of(context.pairings.get(row.pairing())) : park;
            target.describe(details);
            if (park == null) {
                target.persist();
            }
            results.add(RowResult.of(park == null ? RowResult.Outcome.CREATED : RowResult.Outcome.UPDATED, target.id));
        }
        if (writes(write, results)) {
            CooperationPark.flush();
        }
        return results;
    }

    /** Whether a batch writes: asked to, and no row refused. */
    private static boolean writes(boolean write, List<RowResult> results) {
        return write && results.stream().allMatch(result -> result.refusal() == null);
    }

    private static boolean same(CooperationPark p, ParkInput in) {
        return p.name.equals(in.name()) && p.hostCounty.code.equals(in.hostCounty())
                && Objects.equals(p.establishedOn, in.establishedOn())
                && sameAmount(p.areaMu, in.areaMu() == null ? null : in.areaMu().setScale(2, RoundingMode.HALF_UP))
                && Objects.equals(p.focusIndustry, in.focusIndustry());
    }

    // The rows a template is pre-filled with

    /**
     * The projects of these pairings as rows, in id order: every one of them, or (with {@code year}) those with a
     * step in that year.
     */
    public List<ProjectRow> projectsOf(List<Long> pairings, Integer year) {
        List<CooperationProject> projects = year == null ? ofPairings(CooperationProject.class, pairings, null)
                : ofPairings(CooperationProject.class, pairings, STEP_COLUMNS.stream()
                        .map(column -> "r." + column + " between ?2 and ?3").collect(Collectors.joining(" or ")),
                        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        return projects.stream().map(p -> new ProjectRow(p.id, p.pairing.id,
                new ProjectInput(p.track.code, p.title, p.leadEnterprise, p.hostCounty.code, p.investment,
                        p.expectedAnnualOutput, p.expectedAnnualTax, p.plannedOn, p.description),
                new Steps(p.signedOn, p.constructionStartedOn, p.productionStartedOn, p.cancelledOn))).toList();
    }

    /** The activities of these pairings held in {@code year}, as rows in id order. */
    public List<ActivityRow> activitiesOf(List<Long> pairings, int year) {
        return ofPairings(CooperationActivity.class, pairings, "r.held_on between ?2 and ?3",
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(a -> new ActivityRow(a.id, a.pairing.id, new ActivityInput(a.track.code, a.kind, a.heldOn,
                        a.title, a.participants, a.enterprises, a.amount, a.description)))
                .toList();
    }

    /** The parks of these pairings, as rows in id order. */
    public List<ParkRow> parksOf(List<Long> pairings) {
        return ofPairings(CooperationPark.class, pairings, null).stream().map(p -> new ParkRow(p.id, p.pairing.id,
                new ParkInput(p.name, p.hostCounty.code, p.establishedOn, p.areaMu, p.focusIndustry))).toList();
    }

    /**
     * The records of this type of these pairings (with {@code condition} on {@code r}, whose parameters are
     * {@code ?2} on), in id order: the pairings as an {@link IdArray}.
     */
    private static <T> List<T> ofPairings(Class<T> type, List<Long> pairings, String condition, Object... parameters) {
        if (pairings.isEmpty()) {
            return List.of();
        }
        NativeQuery<T> query = IdArray.entities(CooperationProject.getEntityManager(), "select r.* from "
                + IdArray.table("p") + " join " + table(type) + " r on r.pairing_id = p.id"
                + (condition == null ? "" : " where " + condition) + " order by r.id", type, pairings);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 2, parameters[i]);
        }
        return query.getResultList();
    }

    /** A project's status as its steps tell it. */
    public static ProjectStatus status(Steps steps) {
        if (steps.cancelledOn() != null) {
            return ProjectStatus.CANCELLED;
        }
        if (steps.productionStartedOn() != null) {
            return ProjectStatus.IN_PRODUCTION;
        }
        if (steps.constructionStartedOn() != null) {
            return ProjectStatus.UNDER_CONSTRUCTION;
        }
        return steps.signedOn() != null ? ProjectStatus.SIGNED : ProjectStatus.PLANNED;
    }

    // Matching rows to records

    /** The record a row changes (null: a new one), the key that identifies it in the batch, or a refusal. */
    private record Match<T>(T record, Object key, RowResult refusal) {
    }

    private static <T> Match<T> match(Long id, long pairing, Map<Long, T> byId, Map<List<Object>, List<T>> byName,
            List<Object> name, Function<T, Long> pairingOf, Function<T, Long> idOf, String what) {
        if (id != null) {
            T record = byId.get(id);
            if (record == null || pairingOf.apply(record) != pairing) {
                return new Match<>(null, null, RowResult.refused("record-not-found", "key",
                        "pairing " + pairing + " has no " + what + " " + id));
            }
            return new Match<>(record, id, null);
        }
        List<T> named = byName.getOrDefault(name, List.of());
        if (named.size() > 1) {
            return new Match<>(null, null, RowResult.refused("ambiguous-match", "key", named.size() + " " + what
                    + "s of the pairing match this row: give the key (id) of the one it changes"));
        }
        return named.isEmpty() ? new Match<>(null, name, null)
                : new Match<>(named.get(0), idOf.apply(named.get(0)), null);
    }

    /** The records of this type with these ids, in one statement: the ids as an {@link IdArray}. */
    private static <T> Map<Long, T> byId(Class<T> type, List<Long> ids) {
        Map<Long, T> found = new HashMap<>();
        if (!ids.isEmpty()) {
            IdArray.entities(CooperationProject.getEntityManager(), "select r.* from " + IdArray.table("k") + " join "
                    + table(type) + " r on r.id = k.id", type, ids).getResultList()
                    .forEach(record -> found.put(idOf(record), record));
        }
        return found;
    }

    /**
     * The records of these pairings with one of these names, grouped by what identifies them in a pairing. The
     * pairings' names are read (id and name only, the pairings as an {@link IdArray}) and matched
     * here, and then the records matched loaded by id: a query with both lists as {@code in} conditions made the
     * database compare every record of the pairings with every name given (H2 walks a list of parameters for each
     * row), which grew with the rows times the pairs' records.
     */
    private static <T> Map<List<Object>, List<T>> byName(Class<T> type, String nameColumn, List<String> names,
            List<Long> pairings, Function<T, List<Object>> identity) {
        Map<List<Object>, List<T>> found = new HashMap<>();
        Set<String> wanted = names.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return found;
        }
        List<Long> named = new ArrayList<>();
        for (Object[] row : IdArray.rows(CooperationProject.getEntityManager(), "select r.id, r." + nameColumn
                + " from " + IdArray.table("p") + " join " + table(type) + " r on r.pairing_id = p.id", type, pairings)
                .getResultList()) {
            if (wanted.contains(row[1])) {
                named.add(((Number) row[0]).longValue());
            }
        }
        byId(type, named).values().forEach(record -> found.computeIfAbsent(identity.apply(record),
                k -> new ArrayList<>()).add(record));
        return found;
    }

    /** The table of a kind of record. */
    private static String table(Class<?> type) {
        return type == CooperationProject.class ? "cooperation_project"
                : type == CooperationActivity.class ? "cooperation_activity" : "cooperation_park";
    }

    private static Long idOf(Object record) {
        if (record instanceof CooperationProject p) {
            return p.id;
        }
        if (record instanceof CooperationActivity a) {
            return a.id;
        }
        return ((CooperationPark) record).id;
    }

    private static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += 1000) {
            chunks.add(values.subList(i, Math.min(values.size(), i + 1000)));
        }
        return chunks;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
