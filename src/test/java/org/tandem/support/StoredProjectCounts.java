package org.tandem.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

/** The stored counts of projects (V33 {@code project_count}) checked against the rows they count. */
public final class StoredProjectCounts {

    private StoredProjectCounts() {
    }

    /**
     * Every count of projects by programme, year, track and status is the number of rows of {@code project_year}
     * with those values, in the whole database: a key whose projects all left may keep a row at 0, none less.
     */
    public static void assertStoredCountsMatchProjectYears() {
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection()) {
            assertStoredCountsMatchProjectYears(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #assertStoredCountsMatchProjectYears()} on a connection of the test's own. */
    public static void assertStoredCountsMatchProjectYears(Connection c) throws SQLException {
        assertEquals(groups(c, "select program_id, calendar_year, track_code, status, count(*) from project_year"
                + " group by program_id, calendar_year, track_code, status"),
                groups(c, "select program_id, calendar_year, track_code, status, projects from project_count"
                        + " where projects <> 0"),
                "project_count is project_year grouped by programme, year, track and status");
    }

    private static Map<String, Integer> groups(Connection c, String sql) throws SQLException {
        Map<String, Integer> groups = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                groups.put(r.getLong(1) + "/" + r.getInt(2) + "/" + r.getString(3) + "/" + r.getString(4), r.getInt(5));
            }
        }
        return groups;
    }
}
