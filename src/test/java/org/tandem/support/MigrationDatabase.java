package org.tandem.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * For the tests of migrations that move existing rows: an in-memory database migrated up to a version, with the
 * reference data's first programme, its pairings and the example scheme to write rows against, then migrated on.
 */
public final class MigrationDatabase {

    private final JdbcDataSource source = new JdbcDataSource();

    public MigrationDatabase(String name) {
        source.setURL("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    }

    /** What a test writes its rows against, on a connection kept open until closed. */
    public record Before(Connection connection, long program, long scheme, List<Long> pairings) implements AutoCloseable {

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /**
     * Migrates up to {@code version} and finds the reference data's first programme, its pairings and the example
     * scheme; adds one breakdown (id 1) for assessments to point to. The connection stays open, so that the
     * in-memory database outlives Flyway's own connections.
     */
    public Before before(String version) throws SQLException {
        Connection c = source.getConnection();
        Flyway.configure().dataSource(source).target(version).load().migrate();
        long program = single(c, "select min(program_id) from pairing");
        c.createStatement().execute("insert into score_breakdown (id, digest, body, created_at)"
                + " values (1, 'd', '{}', current_timestamp)");
        return new Before(c, program, single(c, "select min(id) from scoring_scheme"), pairings(c, program));
    }

    public void migrateToLatest() {
        Flyway.configure().dataSource(source).load().migrate();
    }

    /** The pairings of {@code program}, in id order. */
    private static List<Long> pairings(Connection c, long program) throws SQLException {
        List<Long> pairings = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id from pairing where program_id = ? order by id")) {
            s.setLong(1, program);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    pairings.add(r.getLong(1));
                }
            }
        }
        return pairings;
    }

    public static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
