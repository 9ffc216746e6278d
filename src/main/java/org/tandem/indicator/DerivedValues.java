package org.tandem.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 * activity tallies (per track and kind). Each row is added, as it is read, to the indicators it counts for. The
 * annual assessment scores a whole program-year with it.
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
        Totals totals = new Totals(derived);
        if (!steps.isEmpty()) {
            add(scope, "select r.pairing_id, r.track_code, r.step, r.projects, r.investment,"
                    + " r.expected_annual_output, r.expected_annual_tax" + scope.from("project_tally")
                    + " and r.calendar_year = :year and r.step in (:keys)", year, steps, DerivedFrom.PROJECT, totals);
        }
        if (!kinds.isEmpty()) {
            add(scope, "select r.pairing_id, r.track_code, r.kind, r.activities, r.participants,"
                    + " r.enterprises, r.amount" + scope.from("activity_tally")
                    + " and r.calendar_year = :year and r.kind in (:keys)", year, kinds, DerivedFrom.ACTIVITY, totals);
        }
        for (Long pairingId : pairingIds) {
            result.put(pairingId, totals.values(pairingId));
        }
        return result;
    }

    /**
     * The running count and sums of every derived indicator for each pairing. Each tally row is added to the
     * indicators it counts for as it is read, and not kept: a programme-year of 20,000 pairings reads about a
     * million rows. Which indicators a row counts for depends only on its source, track and step or kind, so that
     * is worked out once per such combination.
     */
    private static final class Totals {
        private final List<Indicator> derived;
        private final List<Derivation> derivations;
        private final Map<String, int[]> countedBy = new HashMap<>();
        private final Map<Long, long[]> counts = new HashMap<>();
        private final Map<Long, BigDecimal[]> sums = new HashMap<>();

        Totals(List<Indicator> derived) {
            this.derived = derived;
            this.derivations = derived.stream().map(Indicator::derivation).toList();
        }

        /** The indicators (by position) that a row of {@code from} under {@code track} and {@code key} counts for. */
        private int[] countedBy(DerivedFrom from, String track, String key) {
            return countedBy.computeIfAbsent(from + "/" + track + "/" + key, k -> {
                List<Integer> matching = new ArrayList<>();
                for (int i = 0; i < derived.size(); i++) {
                    Derivation derivation = derivations.get(i);
                    if (derivation.from() == from && derivation.coversTrack(derived.get(i).track.code, track)
                            && (from == DerivedFrom.PROJECT ? derivation.projectStatus().name().equals(key)
                                    : derivation.coversKind(ActivityKind.valueOf(key)))) {
                        matching.add(i);
                    }
                }
                return matching.stream().mapToInt(Integer::intValue).toArray();
            });
        }

        /** Adds a tally row: its count, and its sums from {@code row[firstSum]} on, in the order of {@code measures}. */
        void add(DerivedFrom from, long pairingId, String track, String key, long count, List<Measure> measures,
                Object[] row, int firstSum) {
            int[] indicators = countedBy(from, track, key);
            if (indicators.length == 0) {
                return;
            }
            long[] pairingCounts = counts.computeIfAbsent(pairingId, k -> new long[derived.size()]);
            BigDecimal[] pairingSums = sums.computeIfAbsent(pairingId, k -> new BigDecimal[derived.size()]);
            for (int i : indicators) {
                pairingCounts[i] += count;
                Measure measure = derivations.get(i).measure();
                // A measure of the other source (which a derivation's checks refuse) adds nothing.
                int column = measure == null ? -1 : measures.indexOf(measure);
                if (column >= 0) {
                    BigDecimal value = decimal(row[firstSum + column]);
                    pairingSums[i] = pairingSums[i] == null ? BigDecimal.ZERO.add(value) : pairingSums[i].add(value);
                }
            }
        }

        /** The pairing's value of each derived indicator: zero where no row counted. */
        Map<String, BigDecimal> values(long pairingId) {
            long[] pairingCounts = counts.get(pairingId);
            BigDecimal[] pairingSums = sums.get(pairingId);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (int i = 0; i < derived.size(); i++) {
                BigDecimal value;
                if (derivations.get(i).aggregate() == Aggregate.COUNT) {
                    value = BigDecimal.valueOf(pairingCounts == null ? 0 : pairingCounts[i]);
                } else {
                    value = pairingSums == null || pairingSums[i] == null ? BigDecimal.ZERO : pairingSums[i];
                }
                values.put(derived.get(i).code, Quantities.plain(value));
            }
            return values;
        }
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
     * One statement: the year's tallies of {@code from} (rows of pairing, track, step or kind, count, then the sums
     * in the order of that source's measures) whose step or kind is among {@code keys}, added to {@code totals}.
     */
    @SuppressWarnings("unchecked")
    private void add(Scope scope, String sql, int year, Set<String> keys, DerivedFrom from, Totals totals) {
        List<Measure> measures = from == DerivedFrom.PROJECT ? PROJECT_MEASURES : ACTIVITY_MEASURES;
        List<Object[]> rows = scope.bind(em.createNativeQuery(sql)).setParameter("year", year)
                .setParameter("keys", keys).getResultList();
        for (Object[] row : rows) {
            long pairingId = ((Number) row[0]).longValue();
            if (scope.covers(pairingId)) {
                totals.add(from, pairingId, row[1].toString(), row[2].toString(), ((Number) row[3]).longValue(),
                        measures, row, 4);
            }
        }
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
