package org.tandem.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which databases {@link FreshH2Migration} creates with H2's write delay, and that they come out whole. */
class FreshH2MigrationTest {

    private static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    @TempDir
    Path dir;

    @Test
    void aNewFileDatabaseIsNewUntilItHasATable() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("new") + OPTIONS, "tandem", "")) {
            assertTrue(FreshH2Migration.isNewH2File(c));
            execute(c, "create table flyway_schema_history (installed_rank int)");
            assertTrue(FreshH2Migration.isNewH2File(c), "Flyway's own table does not count");
            execute(c, "create table county (code varchar(6))");
            assertFalse(FreshH2Migration.isNewH2File(c));
        }
    }

    @Test
    void anInMemoryDatabaseIsLeftAlone() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:fresh-h2-migration" + OPTIONS, "tandem", "")) {
            assertFalse(FreshH2Migration.isNewH2File(c));
        }
    }

    @Test
    void theMigratedDatabaseIsStoredWhole() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("tandem") + OPTIONS;
        FluentConfiguration configuration = Flyway.configure().dataSource(url, "tandem", "");
        new FreshH2Migration().customize(configuration);
        Flyway flyway = configuration.load();
        int migrations = flyway.info().pending().length;
        assertTrue(migrations >= 30, "every migration of db/migration is pending: " + migrations);
        assertEquals(migrations, flyway.migrate().migrationsExecuted);
        // The database closed with the migration's last connection; opened again, everything is there.
        try (Connection c = DriverManager.getConnection(url, "tandem", "");
                Statement statement = c.createStatement();
                ResultSet counted = statement.executeQuery("select (select count(*) from county),"
                        + " (select count(*) from flyway_schema_history where success and version is not null)")) {
            counted.next();
            assertTrue(counted.getLong(1) > 80, "the reference data of V2");
            assertEquals(migrations, counted.getLong(2));
        }
    }

    @Test
    void aFirstMigrationCutShortIsCreatedAgain() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("tandem") + OPTIONS;
        // What a kill in the middle of the first start's V7 leaves on disk: V1-V6 recorded, the marker, part of V7.
        Flyway.configure().dataSource(url, "tandem", "").target("6").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "tandem", "")) {
            execute(c, "create table " + FreshH2Migration.UNFINISHED + " (since timestamp with time zone)");
            execute(c, "create table assessment_run (id bigint primary key)");
        }

        FluentConfiguration configuration = Flyway.configure().dataSource(url, "tandem", "");
        new FreshH2Migration().customize(configuration);
        Flyway flyway = configuration.load();
        int migrations = flyway.info().pending().length;
        assertEquals(migrations, flyway.migrate().migrationsExecuted);
        assertTrue(migrations >= 30, "every migration ran again from the first: " + migrations);
        try (Connection c = DriverManager.getConnection(url, "tandem", "");
                Statement statement = c.createStatement();
                ResultSet counted = statement.executeQuery("select (select count(*) from county),"
                        + " (select count(*) from information_schema.tables where table_schema = current_schema"
                        + " and table_name = '" + FreshH2Migration.UNFINISHED + "')")) {
            counted.next();
            assertEquals(90, counted.getLong(1), "the reference data of V2, once");
            assertEquals(0, counted.getLong(2), "the marker is gone with the finished migration");
            assertFalse(FreshH2Migration.startOverIfUnfinished(c), "a finished database is left as it is");
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
