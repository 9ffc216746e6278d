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

import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.ProjectStatus;

/**
 * Computes DERIVED indicators from the pairs' cooperation projects and activities of one year, for many
 * pairings at once and in at most two SQL statements whatever the number of pairings, indicators or
 * records: one grouped query over projects (one UNION ALL branch per lifecycle step the indicators use)
 * and one grouped query over activities. Each indicator is then evaluated in Java over the grouped rows.
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
        Map<Long, List<Group>> projectGroups = byPairing(statuses.isEmpty() ? List.of() : projects(ids, year, statuses));
        Map<Long, List<Group>> activityGroups = byPairing(activities ? activities(ids, year) : List.of());
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

    /** One statement: a UNION ALL branch per status, each grouped by pairing and track. */
    @SuppressWarnings("unchecked")
    private List<Group> projects(Set<Long> ids, int year, Set<ProjectStatus> statuses) {
        String sql = statuses.stream().map(status -> "select pairing_id, track_code, '" + status.name()
                + "' as reached, count(*), sum(investment), sum(expected_annual_output), sum(expected_annual_tax)"
                + " from cooperation_project where pairing_id in (:ids) and " + STEP_DATE.get(status)
                + " between :first and :last group by pairing_id, track_code")
                .collect(Collectors.joining(" union all "));
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("ids", ids)
                .setParameter("first", LocalDate.of(year, 1, 1)).setParameter("last", LocalDate.of(year, 12, 31))
                .getResultList();
        List<Group> groups = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Map<Measure, BigDecimal> sums = new HashMap<>();
            sums.put(Measure.INVESTMENT, decimal(row[4]));
            sums.put(Measure.EXPECTED_ANNUAL_OUTPUT, decimal(row[5]));
            sums.put(Measure.EXPECTED_ANNUAL_TAX, decimal(row[6]));
            groups.add(new Group(((Number) row[0]).longValue(), row[1].toString(), row[2].toString().trim(),
                    ((Number) row[3]).longValue(), sums));
        }
        return groups;
    }

    /** One statement: activities held in the year, grouped by pairing, track and kind. */
    @SuppressWarnings("unchecked")
    private List<Group> activities(Set<Long> ids, int year) {
        List<Object[]> rows = em.createNativeQuery("select pairing_id, track_code, kind, count(*), sum(participants),"
                + " sum(enterprises), sum(amount) from cooperation_activity where pairing_id in (:ids)"
                + " and held_on between :first and :last group by pairing_id, track_code, kind")
                .setParameter("ids", ids).setParameter("first", LocalDate.of(year, 1, 1))
                .setParameter("last", LocalDate.of(year, 12, 31)).getResultList();
        List<Group> groups = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
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
