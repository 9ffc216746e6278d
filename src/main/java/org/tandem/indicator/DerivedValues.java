package org.tandem.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.CooperationTallies;

/**
 * Computes DERIVED indicators from the pairs' cooperation projects and activities of one year, for many
 * pairings at once and in at most two SQL statements whatever the number of pairings, indicators or
 * records. The records are read already grouped, from the tallies {@link CooperationTallies} keeps: one
 * statement reads the year's project tallies (a count and sums per track and lifecycle step reached), one the
 * activity tallies (per track and kind). Each indicator is then evaluated in Java over those rows. The annual
 * assessment scores a whole program-year with it.
 */
@ApplicationScoped
public class DerivedValues {

    /** The sums of a project tally and of an activity tally, in the order of their columns. */
    private static final List<Measure> PROJECT_MEASURES = List.of(Measure.INVESTMENT, Measure.EXPECTED_ANNUAL_OUTPUT,
            Measure.EXPECTED_ANNUAL_TAX);
    private static final List<Measure> ACTIVITY_MEASURES = List.of(Measure.PARTICIPANTS, Measure.ENTERPRISES,
            Measure.AMOUNT);

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
        // Only the tallies of the lifecycle steps and activity kinds some indicator counts are read.
        Set<String> steps = new TreeSet<>();
        Set<String> kinds = new TreeSet<>();
        for (Indicator indicator : derived) {
            Derivation derivation = indicator.derivation();
            if (indicator.derivedFrom == DerivedFrom.PROJECT) {
                steps.add(derivation.projectStatus().name());
            } else {
                Arrays.stream(ActivityKind.values()).filter(derivation::coversKind).forEach(k -> kinds.add(k.name()));
            }
        }
        Scope scope = new Scope(ids, programId);
        Map<Long, List<Group>> projectGroups = byPairing(steps.isEmpty() ? List.of() : projects(scope, year, steps));
        Map<Long, List<Group>> activityGroups = byPairing(kinds.isEmpty() ? List.of() : activities(scope, year, kinds));
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

    /** One statement: the year's project tallies of {@code steps} (per track and lifecycle step reached). */
    private List<Group> projects(Scope scope, int year, Set<String> steps) {
        return groups(scope, "select r.pairing_id, r.track_code, r.step, r.projects, r.investment,"
                + " r.expected_annual_output, r.expected_annual_tax" + scope.from("project_tally")
                + " and r.calendar_year = :year and r.step in (:keys)", year, steps, PROJECT_MEASURES);
    }

    /** One statement: the year's activity tallies of {@code kinds} (per track and kind). */
    private List<Group> activities(Scope scope, int year, Set<String> kinds) {
        return groups(scope, "select r.pairing_id, r.track_code, r.kind, r.activities, r.participants,"
                + " r.enterprises, r.amount" + scope.from("activity_tally")
                + " and r.calendar_year = :year and r.kind in (:keys)", year, kinds, ACTIVITY_MEASURES);
    }

    /** Rows of (pairing, track, step or kind, count, the sums of {@code measures}) as groups of the scope. */
    @SuppressWarnings("unchecked")
    private List<Group> groups(Scope scope, String sql, int year, Set<String> keys, List<Measure> measures) {
        List<Object[]> rows = scope.bind(em.createNativeQuery(sql)).setParameter("year", year)
                .setParameter("keys", keys).getResultList();
        List<Group> groups = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long pairingId = ((Number) row[0]).longValue();
            if (!scope.covers(pairingId)) {
                continue;
            }
            Map<Measure, BigDecimal> sums = new EnumMap<>(Measure.class);
            for (int k = 0; k < measures.size(); k++) {
                sums.put(measures.get(k), decimal(row[4 + k]));
            }
            groups.add(new Group(pairingId, row[1].toString(), row[2].toString(), ((Number) row[3]).longValue(),
                    sums));
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
