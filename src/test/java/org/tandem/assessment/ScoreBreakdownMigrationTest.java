package org.tandem.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The breakdowns assessments held before they moved to their own table (V12-V14) are all there afterwards,
 * unchanged, with their SHA-256, and the service's own Flyway runs the Java migration among them.
 */
@QuarkusTest
class ScoreBreakdownMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theServiceRanTheJavaMigration() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertEquals(1, single(c, "select count(*) from flyway_schema_history where version = '13' and success"
                    + " and type = 'JDBC'"));
        }
    }

    @Test
    void theMigrationMovedEveryBreakdownWithItsDigest() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:breakdowns-moved;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        // Open throughout, so that the in-memory database outlives Flyway's own connections.
        try (Connection c = database.getConnection()) {
            Flyway.configure().dataSource(database).target("11").load().migrate();
            long pairing = single(c, "select min(id) from pairing");
            long program = single(c, "select program_id from pairing where id = " + pairing);
            long scheme = single(c, "select min(id) from scoring_scheme");
            Map<Long, String> held = new LinkedHashMap<>();
            held.put(1L, "{\"total\":70.0,\"grade\":{\"code\":\"PASS\",\"label\":\"合格\"}}");
            held.put(2L, "{\"total\":100.0,\"grade\":{\"code\":\"GOOD\",\"label\":\"良好\"}}");
            // Whole microseconds, as both databases keep them.
            Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
            try (PreparedStatement insert = c.prepareStatement("insert into assessment (id, pairing_id, program_id,"
                    + " calendar_year, scheme_id, status, base_total, bonus_total, deduction_total, total, grade_code,"
                    + " grade_label, passed, vetoed, inputs_digest, breakdown, computed_at, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, 'COMPUTED', 70, 0, 0, 70, 'PASS', '合格', true, false, 'd', ?, ?, ?, ?)")) {
                for (Map.Entry<Long, String> assessment : held.entrySet()) {
                    insert.setLong(1, assessment.getKey());
                    insert.setLong(2, pairing);
                    insert.setLong(3, program);
                    insert.setInt(4, 2022 + assessment.getKey().intValue());
                    insert.setLong(5, scheme);
                    insert.setString(6, assessment.getValue());
                    insert.setTimestamp(7, now);
                    insert.setTimestamp(8, now);
                    insert.setTimestamp(9, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }

            Flyway.configure().dataSource(database).load().migrate();

            long highest = 0;
            for (Map.Entry<Long, String> assessment : held.entrySet()) {
                try (PreparedStatement select = c.prepareStatement("select b.id, b.body, b.digest, b.created_at"
                        + " from assessment a join score_breakdown b on b.id = a.breakdown_id where a.id = ?")) {
                    select.setLong(1, assessment.getKey());
                    try (ResultSet row = select.executeQuery()) {
                        assertTrue(row.next());
                        assertEquals(assessment.getValue(), row.getString(2));
                        assertEquals(Sha256.hex(assessment.getValue()), row.getString(3));
                        assertEquals(now.toInstant(), row.getTimestamp(4).toInstant());
                        highest = Math.max(highest, row.getLong(1));
                    }
                }
            }
            assertEquals(held.size(), single(c, "select count(*) from score_breakdown"));
            // The service's next breakdowns get ids past the moved ones.
            assertTrue(single(c, "select nextval('score_breakdown_seq')") > highest);
            try (ResultSet columns = c.getMetaData().getColumns(null, null, "assessment", "breakdown")) {
                assertFalse(columns.next(), "the old breakdown column is gone");
            }
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
