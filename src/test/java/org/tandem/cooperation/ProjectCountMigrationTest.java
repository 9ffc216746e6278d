package org.tandem.cooperation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.tandem.support.MigrationDatabase;
import org.tandem.support.StoredProjectCounts;

/**
 * The projects recorded before their counts were stored (V33) are counted by programme, year, track and status,
 * from their rows in {@code project_year} as the service wrote them.
 */
class ProjectCountMigrationTest {

    @Test
    void theProjectsAlreadyThereAreCounted() throws SQLException {
        MigrationDatabase database = new MigrationDatabase("project-counts");
        try (MigrationDatabase.Before before = database.before("32")) {
            long pairing = before.pairings().get(0);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = before.connection().prepareStatement("insert into cooperation_project"
                    + " (id, pairing_id, track_code, title, host_county_code, status, planned_on, signed_on,"
                    + " created_at, updated_at) values (?, ?, ?, '项目', '331102', ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 5; i++) {
                    insert.setLong(1, 1 + i);
                    insert.setLong(2, pairing);
                    insert.setString(3, i < 3 ? "PROJECT_COOP" : "CHAIN_COLLAB");
                    // Projects 0 and 1 signed in 2024, after planning in 2023: each is in both years.
                    insert.setString(4, i < 2 ? "SIGNED" : "PLANNED");
                    insert.setDate(5, Date.valueOf("2023-0" + (i + 1) + "-01"));
                    insert.setDate(6, i < 2 ? Date.valueOf("2024-02-01") : null);
                    insert.setTimestamp(7, now);
                    insert.setTimestamp(8, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement years = before.connection()
                    .prepareStatement(ProjectYears.insertYears("cooperation_project p", "pa.program_id = ?"))) {
                for (int i = 1; i <= 5; i++) {
                    years.setLong(i, before.program());
                }
                years.executeUpdate();
            }

            database.migrateToLatest();

            Map<String, Integer> stored = new TreeMap<>();
            try (PreparedStatement select = before.connection().prepareStatement("select calendar_year, track_code,"
                    + " status, projects from project_count where program_id = ?")) {
                select.setLong(1, before.program());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        stored.put(row.getInt(1) + "/" + row.getString(2) + "/" + row.getString(3), row.getInt(4));
                    }
                }
            }
            assertEquals(Map.of("2023/PROJECT_COOP/SIGNED", 2, "2023/PROJECT_COOP/PLANNED", 1,
                    "2023/CHAIN_COLLAB/PLANNED", 2, "2024/PROJECT_COOP/SIGNED", 2), stored);
            StoredProjectCounts.assertStoredCountsMatchProjectYears(before.connection());
            assertEquals(1, MigrationDatabase.single(before.connection(), "select count(*) from project_count_lock"),
                    "the one row writers lock to insert a count");
        }
    }
}
