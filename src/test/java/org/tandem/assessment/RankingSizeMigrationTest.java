package org.tandem.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The programme-years assessed before the ranking's size was stored (V32) get their number of assessments, each
 * year its own; a year without assessments gets no row (its ranking is empty).
 */
class RankingSizeMigrationTest {

    @Test
    void everyAssessedProgrammeYearGetsItsNumberOfAssessments() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:ranking-sizes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        // Open throughout, so that the in-memory database outlives Flyway's own connections.
        try (Connection c = database.getConnection()) {
            Flyway.configure().dataSource(database).target("31").load().migrate();
            long program = single(c, "select min(program_id) from pairing");
            long scheme = single(c, "select min(id) from scoring_scheme");
            List<Long> pairings = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select id from pairing where program_id = " + program
                    + " order by id"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    pairings.add(r.getLong(1));
                }
            }
            assertTrue(pairings.size() >= 5, "the reference data's pairings: " + pairings);
            c.createStatement().execute("insert into score_breakdown (id, digest, body, created_at)"
                    + " values (1, 'd', '{}', current_timestamp)");
            // Every pairing in 2023, all but two in 2024, none in 2025.
            Map<Integer, Integer> assessed = Map.of(2023, pairings.size(), 2024, pairings.size() - 2);
            long id = 1;
            try (PreparedStatement insert = c.prepareStatement("insert into assessment (id, pairing_id, program_id,"
                    + " calendar_year, scheme_id, status, base_total, bonus_total, deduction_total, total, grade_code,"
                    + " grade_label, passed, vetoed, inputs_digest, breakdown_id, computed_at, created_at, updated_at,"
                    + " rank_in_year) values (?, ?, ?, ?, ?, 'COMPUTED', 70, 0, 0, 70, 'PASS', '合格', true, false,"
                    + " 'd', 1, current_timestamp, current_timestamp, current_timestamp, 1)")) {
                for (var year : assessed.entrySet()) {
                    for (long pairing : pairings.subList(0, year.getValue())) {
                        insert.setLong(1, id++);
                        insert.setLong(2, pairing);
                        insert.setLong(3, program);
                        insert.setInt(4, year.getKey());
                        insert.setLong(5, scheme);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }

            Flyway.configure().dataSource(database).load().migrate();

            Map<String, Integer> stored = new TreeMap<>();
            try (PreparedStatement select = c.prepareStatement("select program_id, calendar_year, assessments"
                    + " from ranking_size"); ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    stored.put(row.getLong(1) + "/" + row.getInt(2), row.getInt(3));
                }
            }
            assertEquals(Map.of(program + "/2023", pairings.size(), program + "/2024", pairings.size() - 2), stored);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
