package org.tandem.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tandem.registry.CountyRef;
import org.tandem.scoring.RankCandidate;
import org.tandem.scoring.RankedPairing;
import org.tandem.scoring.Ranking;

/**
 * Ranks a programme-year's assessments by the engine's declared tie-break ({@link Ranking}): the whole
 * programme-year from one light query that reads only what ranking needs, never the breakdowns.
 */
public final class Rankings {

    private Rankings() {
    }

    /** An assessment's place in its programme-year's ranking. */
    private record Placed(long assessmentId, int rank) {
    }

    /**
     * One page of the ranking of programme {@code programCode} in {@code year}: the whole programme-year is ranked,
     * then only the page's lines are read, in one more query.
     */
    public static AssessmentViews.Ranking page(String programCode, int year, int page, int size) {
        List<Placed> ranked = rank("a.program.code = :program", programCode, year);
        int from = (int) Math.min(ranked.size(), (long) page * size);
        int to = Math.min(ranked.size(), from + size);
        return new AssessmentViews.Ranking(summaries(ranked.subList(from, to)), page, size, ranked.size(),
                Ranking.TIE_BREAK_RULE);
    }

    /** The rank of {@code assessment} in its programme-year. */
    static int rankOf(Assessment assessment) {
        return rank("a.program.id = :program", assessment.program.id, assessment.year).stream()
                .filter(p -> p.assessmentId() == assessment.id).findFirst().orElseThrow().rank();
    }

    /** Every assessment of a programme-year in rank order. */
    private static List<Placed> rank(String programCondition, Object program, int year) {
        List<Object[]> rows = Assessment.getEntityManager().createQuery(
                "select a.id, a.pairing.id, a.vetoed, a.total, a.baseTotal, a.deductionTotal from Assessment a"
                        + " where " + programCondition + " and a.year = :year",
                Object[].class).setParameter("program", program).setParameter("year", year).getResultList();
        Map<Long, Long> assessmentOf = new HashMap<>();
        List<RankCandidate> candidates = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            assessmentOf.put((Long) row[1], (Long) row[0]);
            candidates.add(new RankCandidate((Long) row[1], (Boolean) row[2], (BigDecimal) row[3],
                    (BigDecimal) row[4], (BigDecimal) row[5]));
        }
        List<Placed> placed = new ArrayList<>(rows.size());
        for (RankedPairing r : Ranking.rank(candidates)) {
            placed.add(new Placed(assessmentOf.get(r.candidate().pairingId()), r.rank()));
        }
        return placed;
    }

    /** The ranking lines of {@code placed}, in its order, read in one query without the breakdowns. */
    private static List<AssessmentViews.Summary> summaries(List<Placed> placed) {
        if (placed.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> rankOf = new HashMap<>();
        placed.forEach(p -> rankOf.put(p.assessmentId(), p.rank()));
        Map<Long, AssessmentViews.Summary> byId = new HashMap<>();
        Assessment.getEntityManager().createQuery("select a.id, p.id, ic.code, ic.name, mc.code, mc.name, a.year,"
                + " a.total, a.gradeCode, a.gradeLabel, a.passed, a.vetoed, a.status, a.scheme.id from Assessment a"
                + " join a.pairing p join p.industrialCounty ic join p.mountainCounty mc where a.id in :ids",
                Object[].class).setParameter("ids", rankOf.keySet()).getResultList().forEach(row -> {
                    long id = (Long) row[0];
                    byId.put(id, new AssessmentViews.Summary(id, (Long) row[1],
                            new CountyRef((String) row[2], (String) row[3]),
                            new CountyRef((String) row[4], (String) row[5]), (Integer) row[6], rankOf.get(id),
                            (BigDecimal) row[7], (String) row[8], (String) row[9], (Boolean) row[10],
                            (Boolean) row[11], (AssessmentStatus) row[12], (Long) row[13]));
                });
        return placed.stream().map(p -> byId.get(p.assessmentId())).toList();
    }
}
