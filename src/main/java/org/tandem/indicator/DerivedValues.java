package org.tandem.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.ProjectStatus;

/**
 * Computes DERIVED indicators from the pairs' cooperation projects and activities of one year, for many
 * pairings at once and in at most two SQL statements whatever the number of pairings, indicators or
 * records: one grouped query over projects (a count and sums per lifecycle step the indicators use, in one
 * pass) and one grouped query over activities. Each indicator is then evaluated in Java over the grouped rows.
 * The annual assessment scores a whole program-year with it.
 */
@ApplicationScoped
public class DerivedValues {

    /** The column holding the date a project reached each status. */
    private static final Map<ProjectStatus, String> STEP_DATE = Map.of(
            ProjectStatus.PLANNED, "planned_on",
            ProjectStatus.SIGNED, "signed_on",
            ProjectStatus.UNDER_CONSTRUCTION, "construction_started_on",
            ProjectStatus.IN_PRODUCTION, "production_started_on",
            ProjectStatus.CANCELLED, "cancelled_on");

    @Inject
    EntityManager em;

    /** Projects (per status reached) or activities (per kind) of one pairing and track, already summed. */
    record Group(long pairingId, String track, String key, long count, Map<Measure, BigDecimal> sums) {
    }

    /**
     * The value of every DERIVED indicator among {@code indicators} (REPORTED ones are skipped) for every
     * pairing in {@code pairingIds} in {@code year}: pairing id → indicator code → value. A pairing with no
     * matching records gets zero, not null: a count of nothing is 0. Sums keep the scale of the summed
     * column with trailing zeros removed.
     */
    public Map<Long, Map<String, BigDecimal>> compute(Collection<Long> pairingIds, int year,
            List<Indicator> indicators) {
        return compute(pairingIds, year, indicators, null);
    }

    /**
     * As {@link #compute(Collection, int, List)}; with a {@code programId} the records are selected by joining
     * the programme's pairings instead of listing the ids, and rows of other pairings of the programme are
     * dropped here. For many pairings that is what keeps the cost linear: a long {@code in (?, ?, …)} list is
     * compared value by value for every row on H2 (2,000 ids × 500,000 records took 25 s), while the join
     * uses the pairing indexes on both databases. {@code pairingIds} must all belong to the programme.
     */
    public Map<Long, Map<String, BigDecimal>> compute(Collection<Long> pairingIds, int year,
            List<Indicator> indicators, Long programId) {
        List<Indicator> derived = indicators.stream().filter(Indicator::isDerived).toList();
        Map<Long, Map<String, BigDecimal>> result = new LinkedHashMap<>();
        if (pairingIds.isEmpty()) {
            return result;
        }
        Set<Long> ids = Set.copyOf(pairingIds);
        Set<ProjectStatus> statuses = EnumSet.noneOf(ProjectStatus.class);
        boolean activities = false;
        for (Indicator indicator : derived) {
            if (indicator.derivedFrom == DerivedFrom.PROJECT) {
                statuses.add(indicator.derivedProjectStatus);
            } else {
                activities = true;
            }
        }
        Scope scope = new Scope(ids, programId);
        Map<Long, List<Group>> projectGroups = byPairing(statuses.isEmpty() ? List.of()
                : projects(scope, year, statuses));
        Map<Long, List<Group>> activityGroups = byPairing(activities ? activities(scope, year) : List.of());
        for (Long pairingId : pairingIds) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (Indicator indicator : derived) {
                boolean fromProjects = indicator.derivedFrom == DerivedFrom.PROJECT;
                List<Group> groups = (fromProjects ? projectGroups : activityGroups).getOrDefault(pairingId, List.of());
                values.put(indicator.code, evaluate(indicator, groups));
            }
            result.put(pairingId, values);
        }
        return result;
    }

    private static BigDecimal evaluate(Indicator indicator, List<Group> groups) {
        Derivation derivation = indicator.derivation();
        String indicatorTrack = indicator.track.code;
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (Group group : groups) {
            if (!derivation.coversTrack(indicatorTrack, group.track())) {
                continue;
            }
            boolean matches = derivation.from() == DerivedFrom.PROJECT
                    ? derivation.projectStatus().name().equals(group.key())
                    : derivation.coversKind(ActivityKind.valueOf(group.key()));
            if (!matches) {
                continue;
            }
            count += group.count();
            if (derivation.measure() != null) {
                sum = sum.add(group.sums().getOrDefault(derivation.measure(), BigDecimal.ZERO));
            }
        }
        BigDecimal value = derivation.aggregate() == Aggregate.COUNT ? BigDecimal.valueOf(count) : sum;
        return Quantities.plain(value);
    }

    /** Which pairings' records a statement reads: the listed ids, or every pairing of a programme. */
    private record Scope(Set<Long> ids, Long programId) {

        /** The from-clause over {@code table} aliased {@code r}, restricted to the scope. */
        String from(String table) {
            return programId == null ? " from " + table + " r where r.pairing_id in (:ids)"
                    : " from " + table + " r join pairing p on p.id = r.pairing_id where p.program_id = :program";
        }

        Query bind(Query query) {
            return programId == null ? query.setParameter("ids", ids) : query.setParameter("program", programId);
        }

        boolean covers(long pairingId) {
            return programId == null || ids.contains(pairingId);
        }
    }

    /**
     * One statement and one pass over the projects: grouped by pairing and track, with a count and the three
     * sums per lifecycle step the indicators use, each over the projects that reached that step in the year.
     */
    @SuppressWarnings("unchecked")
    private List<Group> projects(Scope scope, int year, Set<ProjectStatus> statuses) {
        List<ProjectStatus> steps = List.copyOf(statuses);
        StringBuilder sql = new StringBuilder("select r.pairing_id, r.track_code");
        List<String> inYear = new ArrayList<>();
        for (ProjectStatus step : steps) {
            String in = "r." + STEP_DATE.get(step) + " between :first and :last";
            inYear.add(in);
            sql.append(", sum(case when ").append(in).append(" then 1 else 0 end)");
            for (String column : List.of("investment", "expected_annual_output", "expected_annual_tax")) {
                sql.append(", sum(case when ").append(in).append(" then r.").append(column).append(" end)");
            }
        }
        sql.append(scope.from("cooperation_project")).append(" and (").append(String.join(" or ", inYear))
                .append(") group by r.pairing_id, r.track_code");
        List<Object[]> rows = scope.bind(em.createNativeQuery(sql.toString()))
                .setParameter("first", LocalDate.of(year, 1, 1)).setParameter("last", LocalDate.of(year, 12, 31))
                .getResultList();
        List<Group> groups = new ArrayList<>(rows.size() * steps.size());
        for (Object[] row : rows) {
            long pairingId = ((Number) row[0]).longValue();
            if (!scope.covers(pairingId)) {
                continue;
            }
            for (int k = 0; k < steps.size(); k++) {
                int at = 2 + 4 * k;
                long count = ((Number) row[at]).longValue();
                if (count == 0) {
                    continue;
                }
                Map<Measure, BigDecimal> sums = new HashMap<>();
                sums.put(Measure.INVESTMENT, decimal(row[at + 1]));
                sums.put(Measure.EXPECTED_ANNUAL_OUTPUT, decimal(row[at + 2]));
                sums.put(Measure.EXPECTED_ANNUAL_TAX, decimal(row[at + 3]));
                groups.add(new Group(pairingId, row[1].toString(), steps.get(k).name(), count, sums));
            }
        }
        return groups;
    }

    /** One statement: activities held in the year, grouped by pairing, track and kind. */
    @SuppressWarnings("unchecked")
    private List<Group> activities(Scope scope, int year) {
        List<Object[]> rows = scope.bind(em.createNativeQuery("select r.pairing_id, r.track_code, r.kind, count(*),"
                + " sum(r.participants), sum(r.enterprises), sum(r.amount)" + scope.from("cooperation_activity")
                + " and r.held_on between :first and :last group by r.pairing_id, r.track_code, r.kind"))
                .setParameter("first", LocalDate.of(year, 1, 1))
                .setParameter("last", LocalDate.of(year, 12, 31)).getResultList();
        List<Group> groups = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (!scope.covers(((Number) row[0]).longValue())) {
                continue;
            }
            Map<Measure, BigDecimal> sums = new HashMap<>();
            sums.put(Measure.PARTICIPANTS, decimal(row[4]));
            sums.put(Measure.ENTERPRISES, decimal(row[5]));
            sums.put(Measure.AMOUNT, decimal(row[6]));
            groups.add(new Group(((Number) row[0]).longValue(), row[1].toString(), row[2].toString(),
                    ((Number) row[3]).longValue(), sums));
        }
        return groups;
    }

    private static Map<Long, List<Group>> byPairing(List<Group> groups) {
        return groups.stream().collect(Collectors.groupingBy(Group::pairingId));
    }

    /** SUM over no non-null values is NULL in SQL; here it adds nothing. */
    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return new BigDecimal(value.toString());
    }
}
