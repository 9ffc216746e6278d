package org.tandem.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The assessments finalized before the year lock became data (V19) lock their pair's year afterwards; others do not. */
class YearLockMigrationTest {

    @Test
    void everyFinalizedAssessmentLocksItsPairsYear() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:year-locks;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        // Open throughout, so that the in-memory database outlives Flyway's own connections.
        try (Connection c = database.getConnection()) {
            Flyway.configure().dataSource(database).target("18").load().migrate();
            long pairing = single(c, "select min(id) from pairing");
            long program = single(c, "select program_id from pairing where id = " + pairing);
            long scheme = single(c, "select min(id) from scoring_scheme");
            c.createStatement().execute("insert into score_breakdown (id, digest, body, created_at)"
                    + " values (1, 'd', '{}', current_timestamp)");
            try (PreparedStatement insert = c.prepareStatement("insert into assessment (id, pairing_id, program_id,"
                    + " calendar_year, scheme_id, status, base_total, bonus_total, deduction_total, total, grade_code,"
                    + " grade_label, passed, vetoed, inputs_digest, breakdown_id, computed_at, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, 70, 0, 0, 70, 'PASS', '合格', true, false, 'd', 1, current_timestamp,"
                    + " current_timestamp, current_timestamp)")) {
                Object[][] assessments = { { 1L, 2023, "FINALIZED" }, { 2L, 2024, "COMPUTED" },
                        { 3L, 2025, "FINALIZED" } };
                for (Object[] assessment : assessments) {
                    insert.setLong(1, (Long) assessment[0]);
                    insert.setLong(2, pairing);
                    insert.setLong(3, program);
                    insert.setInt(4, (Integer) assessment[1]);
                    insert.setLong(5, scheme);
                    insert.setString(6, (String) assessment[2]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }

            Flyway.configure().dataSource(database).load().migrate();

            List<String> locks = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("select pairing_id, calendar_year, assessment_id"
                    + " from pairing_year_lock order by calendar_year"); ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    locks.add(row.getLong(1) + "/" + row.getInt(2) + "/" + row.getLong(3));
                }
            }
            assertEquals(List.of(pairing + "/2023/1", pairing + "/2025/3"), locks);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
