package org.tandem.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.tandem.support.MigrationDatabase;

/**
 * The programme-years assessed before the ranking's size was stored (V32) get their number of assessments, each
 * year its own; a year without assessments gets no row (its ranking is empty).
 */
class RankingSizeMigrationTest {

    @Test
    void everyAssessedProgrammeYearGetsItsNumberOfAssessments() throws SQLException {
        MigrationDatabase database = new MigrationDatabase("ranking-sizes");
        try (MigrationDatabase.Before before = database.before("31")) {
            List<Long> pairings = before.pairings();
            assertTrue(pairings.size() >= 5, "the reference data's pairings: " + pairings);
            // Every pairing in 2023, all but two in 2024, none in 2025.
            Map<Integer, Integer> assessed = Map.of(2023, pairings.size(), 2024, pairings.size() - 2);
            long id = 1;
            try (PreparedStatement insert = before.connection()
                    .prepareStatement("insert into assessment (id, pairing_id, program_id,"
                            + " calendar_year, scheme_id, status, base_total, bonus_total, deduction_total, total, grade_code,"
                            + " grade_label, passed, vetoed, inputs_digest, breakdown_id, computed_at, created_at, updated_at,"
                            + " rank_in_year) values (?, ?, ?, ?, ?, 'COMPUTED', 70, 0, 0, 70, 'PASS', '合格', true, false,"
                            + " 'd', 1, current_timestamp, current_timestamp, current_timestamp, 1)")) {
                for (var year : assessed.entrySet()) {
                    for (long pairing : pairings.subList(0, year.getValue())) {
                        insert.setLong(1, id++);
                        insert.setLong(2, pairing);
                        insert.setLong(3, before.program());
                        insert.setInt(4, year.getKey());
                        insert.setLong(5, before.scheme());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }

            database.migrateToLatest();

            Map<String, Integer> stored = new TreeMap<>();
            try (PreparedStatement select = before.connection().prepareStatement("select program_id, calendar_year, assessments"
                    + " from ranking_size"); ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    stored.put(row.getLong(1) + "/" + row.getInt(2), row.getInt(3));
                }
            }
            assertEquals(Map.of(before.program() + "/2023", pairings.size(), before.program() + "/2024",
                    pairings.size() - 2), stored);
        }
    }
}
