package org.tandem.cooperation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.tandem.support.MigrationDatabase;

/** The projects recorded before a project kept its programme (V34) are given their pairing's. */
class ProjectProgramMigrationTest {

    @Test
    void theProjectsAlreadyThereAreGivenTheirPairingsProgramme() throws SQLException {
        MigrationDatabase database = new MigrationDatabase("project-program");
        try (MigrationDatabase.Before before = database.before("33")) {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = before.connection().prepareStatement("insert into cooperation_project"
                    + " (id, pairing_id, track_code, title, host_county_code, status, planned_on, created_at,"
                    + " updated_at) values (?, ?, 'PROJECT_COOP', '项目', '331102', 'PLANNED', ?, ?, ?)")) {
                for (int i = 0; i < 4; i++) {
                    insert.setLong(1, 1 + i);
                    insert.setLong(2, before.pairings().get(0));
                    insert.setDate(3, Date.valueOf("2023-03-01"));
                    insert.setTimestamp(4, now);
                    insert.setTimestamp(5, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }

            database.migrateToLatest();

            assertEquals(4, MigrationDatabase.single(before.connection(),
                    "select count(*) from cooperation_project where program_id = " + before.program()));
            assertEquals(0, MigrationDatabase.single(before.connection(),
                    "select count(*) from cooperation_project where program_id is null"));
        }
    }
}
