package org.tandem.assessment;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.FlushModeType;

import org.hibernate.Session;
import org.tandem.cache.DataChanged;
import org.tandem.registry.CountyRef;
import org.tandem.registry.Program;
import org.tandem.scoring.RankCandidate;
import org.tandem.scoring.RankedPairing;
import org.tandem.scoring.Ranking;
import org.tandem.web.InList;
import org.tandem.web.PageRequest;

/**
 * The ranking of a programme-year, stored with its assessments: {@link #rerank} gives every assessment its rank by
 * the engine's declared tie-break ({@link Ranking}) whenever a write may have changed it (a run, an adjustment), so
 * that a read takes the rank as stored and the database returns a page in rank order from the index on
 * (program, year, rank, pairing). Status does not rank: finalizing or reopening leaves the ranks as they are.
 */
public final class Rankings {

    /** Ranks written to the database per JDBC batch. */
    private static final int BATCH = 500;

    private Rankings() {
    }

    /**
     * One page of the ranking of programme {@code programCode} in {@code year}, in rank order and then by pairing
     * (the order {@link Ranking} lists them in), declaring what it depends on ({@link AssessmentScopes}): the page's
     * ids read in that order from the ranking index (program, year, rank, pairing), then their lines; the total is
     * the stored size of the ranking ({@link #size}), unless the page tells it. An unknown programme has an empty
     * ranking.
     */
    public static AssessmentViews.Ranking page(String programCode, int year, int page, int size) {
        Long programId = AssessmentScopes.ofProgram(programCode);
        if (programId == null) {
            return new AssessmentViews.Ranking(List.of(), page, size, 0, Ranking.TIE_BREAK_RULE);
        }
        int first = (int) Math.min(Integer.MAX_VALUE, (long) page * size);
        // Ordered by the whole index (program and year are one value here): H2 skips the sort only for an order by
        // a prefix of an index's columns. The programme's id is a parameter, not a subquery: H2 evaluates a
        // condition again on every index entry it reads.
        List<Long> ids = Assessment.getEntityManager().createQuery("select a.id from Assessment a"
                + " where a.program.id = :program and a.year = :year"
                + " order by a.program.id, a.year, a.rank, a.pairing.id", Long.class).setParameter("program", programId)
                .setParameter("year", year).setFirstResult(first).setMaxResults(size).getResultList();
        return new AssessmentViews.Ranking(lines(ids), page, size,
                PageRequest.total(page, size, ids.size(), () -> size(programId, year)), Ranking.TIE_BREAK_RULE);
    }

    /**
     * How many assessments the ranking of programme {@code programId} in {@code year} holds, as {@link #rerank}
     * stored it (V32): one row read, where counting read every index entry of the year.
     */
    private static long size(long programId, int year) {
        // Never flushes first: Hibernate would otherwise check every entity of the session for changes before a
        // native query (a run's rerank holds the year's assessments and breakdowns), and nothing it holds is this
        // table's, which only keepSize writes, past Hibernate.
        List<?> stored = Assessment.getEntityManager().createNativeQuery("select assessments from ranking_size"
                + " where program_id = :program and calendar_year = :year").setFlushMode(FlushModeType.COMMIT)
                .setParameter("program", programId).setParameter("year", year).getResultList();
        return stored.isEmpty() ? 0 : ((Number) stored.get(0)).longValue();
    }

    /** The ranking lines of the assessments {@code ids}, in that order, read in one query without the breakdowns. */
    private static List<AssessmentViews.Summary> lines(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, AssessmentViews.Summary> byId = new HashMap<>();
        // The year's objection window, if it was published, joined in: the state of each line without another query.
        InList in = InList.of("id", ids);
        in.bind(Assessment.getEntityManager().createQuery("select a.id, p.id, ic.code, ic.name, mc.code, mc.name,"
                + " a.year, a.rank, a.total, a.gradeCode, a.gradeLabel, a.passed, a.vetoed, a.status, a.scheme.id,"
                + " w.id from Assessment a join a.pairing p join p.industrialCounty ic join p.mountainCounty mc"
                + " left join ObjectionWindow w on w.program = a.program and w.year = a.year"
                + " where a.id in " + in.sql(), Object[].class)).getResultList()
                .forEach(row -> byId.put((Long) row[0], new AssessmentViews.Summary((Long) row[0], (Long) row[1],
                        new CountyRef((String) row[2], (String) row[3]),
                        new CountyRef((String) row[4], (String) row[5]), (Integer) row[6], (Integer) row[7],
                        (BigDecimal) row[8], (String) row[9], (String) row[10], (Boolean) row[11],
                        (Boolean) row[12], (AssessmentStatus) row[13], (Long) row[14],
                        AssessmentState.of((AssessmentStatus) row[13], row[15] != null))));
        return ids.stream().map(byId::get).toList();
    }

    /**
     * Takes the programme's row lock until the transaction ends, so that writers of its rankings rank one after
     * the other: each reads the totals the one before committed, and no two write ranks from different views.
     * A writer that changes scores takes it before its first write; a run, which writes many, takes it when it
     * ranks.
     */
    static void lock(Program program) {
        Assessment.getEntityManager().createNativeQuery("select id from program where id = :id for update")
                .setParameter("id", Program.idOf(program)).getResultList();
    }

    /**
     * The ranks of {@code assessments}, all of one programme-year as they are in memory: pairing id → rank. A run
     * gives its new assessments these before they are inserted; {@link #rerank} still decides from what is stored.
     */
    static Map<Long, Integer> ranks(Collection<Assessment> assessments) {
        List<RankCandidate> candidates = assessments.stream().map(a -> new RankCandidate(a.pairing.id, a.vetoed,
                a.total, a.baseTotal, a.deductionTotal)).toList();
        Map<Long, Integer> ranks = new HashMap<>();
        Ranking.rank(candidates).forEach(ranked -> ranks.put(ranked.candidate().pairingId(), ranked.rank()));
        return ranks;
    }

    /**
     * Ranks every assessment of {@code program} in {@code year} again, after the caller's changes to them are
     * flushed: one light query reads what ranking needs (never the breakdowns), {@link Ranking} ranks them, and the
     * ranks that changed are written in JDBC batches. Hibernate never updates the rank itself.
     *
     * @return the rank of each of the programme-year's assessments, by assessment id
     */
    static Map<Long, Integer> rerank(Program program, int year) {
        lock(program);
        List<Object[]> rows = Assessment.getEntityManager().createQuery("select a.id, a.pairing.id, a.vetoed,"
                + " a.total, a.baseTotal, a.deductionTotal, a.rank from Assessment a"
                + " where a.program = :program and a.year = :year", Object[].class).setParameter("program", program)
                .setParameter("year", year).getResultList();
        Map<Long, Object[]> byPairing = new HashMap<>();
        List<RankCandidate> candidates = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            byPairing.put((Long) row[1], row);
            candidates.add(new RankCandidate((Long) row[1], (Boolean) row[2], (BigDecimal) row[3],
                    (BigDecimal) row[4], (BigDecimal) row[5]));
        }
        keepSize(Program.idOf(program), year, rows.size());
        Map<Long, Integer> ranks = new HashMap<>();
        List<long[]> changed = new ArrayList<>();
        for (RankedPairing ranked : Ranking.rank(candidates)) {
            Object[] row = byPairing.get(ranked.candidate().pairingId());
            long id = (Long) row[0];
            ranks.put(id, ranked.rank());
            if (row[6] == null || (Integer) row[6] != ranked.rank()) {
                changed.add(new long[] { id, ranked.rank() });
            }
        }
        if (!changed.isEmpty()) {
            Assessment.getEntityManager().unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement update = connection
                        .prepareStatement("update assessment set rank_in_year = ? where id = ?")) {
                    for (int i = 0; i < changed.size(); i++) {
                        update.setInt(1, (int) changed.get(i)[1]);
                        update.setLong(2, changed.get(i)[0]);
                        update.addBatch();
                        if ((i + 1) % BATCH == 0 || i == changed.size() - 1) {
                            update.executeBatch();
                        }
                    }
                }
            });
            // Written past Hibernate, so announced here: kept reads of the programme's assessments are stale once
            // this commits.
            CDI.current().getBeanManager().getEvent().select(DataChanged.class)
                    .fire(new DataChanged(Set.of(Assessment.scope(Program.idOf(program)))));
        }
        return ranks;
    }

    /**
     * Stores how many assessments the programme-year's ranking holds ({@link #size}), if that changed. Called by
     * {@link #rerank} under the programme's lock, which every transaction that adds assessments ranks under: two
     * writers never store the size of the same year at once.
     */
    private static void keepSize(long programId, int year, int assessments) {
        long stored = size(programId, year);
        if (stored == assessments) {
            return;
        }
        Assessment.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement write = connection.prepareStatement(stored == 0
                    ? "insert into ranking_size (assessments, program_id, calendar_year) values (?, ?, ?)"
                    : "update ranking_size set assessments = ? where program_id = ? and calendar_year = ?")) {
                write.setInt(1, assessments);
                write.setLong(2, programId);
                write.setInt(3, year);
                write.executeUpdate();
            }
        });
    }
}
