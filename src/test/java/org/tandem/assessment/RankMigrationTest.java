package org.tandem.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tandem.scoring.RankCandidate;
import org.tandem.scoring.RankedPairing;
import org.tandem.scoring.Ranking;
import org.tandem.support.MigrationDatabase;

/**
 * The assessments there before ranks were stored (V21) get the ranks {@link Ranking} gives them, each
 * programme-year on its own: ties (equal on every criterion) share a rank and the next skips.
 */
class RankMigrationTest {

    @Test
    void everyExistingAssessmentGetsTheRankTheEngineGivesIt() throws SQLException {
        MigrationDatabase database = new MigrationDatabase("ranks");
        try (MigrationDatabase.Before before = database.before("19")) {
            Connection c = before.connection();
            long program = before.program();
            long scheme = before.scheme();
            List<Long> pairings = before.pairings();
            assertTrue(pairings.size() >= 6, "the reference data's pairings: " + pairings);
            // Few distinct values, so that many assessments tie on some criteria and some on all of them.
            Random random = new Random(21);
            String[] totals = { "70.0", "70.0", "68.0", "95.5" };
            String[] bases = { "70.00", "68.00" };
            String[] deductions = { "0.00", "1.00" };
            Map<Integer, List<RankCandidate>> byYear = new HashMap<>();
            long id = 1;
            try (PreparedStatement insert = c.prepareStatement("insert into assessment (id, pairing_id, program_id,"
                    + " calendar_year, scheme_id, status, base_total, bonus_total, deduction_total, total, grade_code,"
                    + " grade_label, passed, vetoed, inputs_digest, breakdown_id, computed_at, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, 'COMPUTED', ?, 0, ?, ?, 'PASS', '合格', true, ?, 'd', 1,"
                    + " current_timestamp, current_timestamp, current_timestamp)")) {
                for (int year = 2021; year <= 2025; year++) {
                    for (long pairing : pairings) {
                        RankCandidate candidate = new RankCandidate(pairing, random.nextInt(5) == 0,
                                new BigDecimal(totals[random.nextInt(totals.length)]),
                                new BigDecimal(bases[random.nextInt(bases.length)]),
                                new BigDecimal(deductions[random.nextInt(deductions.length)]));
                        byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(candidate);
                        insert.setLong(1, id++);
                        insert.setLong(2, pairing);
                        insert.setLong(3, program);
                        insert.setInt(4, year);
                        insert.setLong(5, scheme);
                        insert.setBigDecimal(6, candidate.baseTotal());
                        insert.setBigDecimal(7, candidate.deductionTotal());
                        insert.setBigDecimal(8, candidate.total());
                        insert.setBoolean(9, candidate.vetoed());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }

            database.migrateToLatest();

            int shared = 0;
            for (var year : byYear.entrySet()) {
                Map<Long, Integer> expected = new HashMap<>();
                for (RankedPairing ranked : Ranking.rank(year.getValue())) {
                    expected.put(ranked.candidate().pairingId(), ranked.rank());
                }
                Map<Long, Integer> stored = new HashMap<>();
                try (PreparedStatement select = c.prepareStatement("select pairing_id, rank_in_year from assessment"
                        + " where calendar_year = " + year.getKey()); ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        stored.put(row.getLong(1), row.getInt(2));
                    }
                }
                assertEquals(expected, stored, "ranks of " + year.getKey());
                shared += expected.size() - (int) expected.values().stream().distinct().count();
            }
            assertTrue(shared > 0, "some assessments tie and share a rank");
        }
    }
}
