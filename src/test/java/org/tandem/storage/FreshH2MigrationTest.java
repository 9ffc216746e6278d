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

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
