package org.tandem.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Creates a new H2 file database without writing it to disk at every statement, and creates it again if a start
 * was killed before its first migration finished.
 * <p>
 * The URL's {@code WRITE_DELAY=0} stores every commit at once, and on H2 every DDL statement commits: migrating an
 * empty database is some 250 commits, each written to the file, which took most of Flyway's second on a quiet
 * machine and several seconds on a busy one. When the database has no table yet, this sets H2's default write delay
 * (500 ms) before Flyway migrates and, once it is done, sets it back to 0 and writes everything out
 * ({@code CHECKPOINT}) before the service goes on.
 * <p>
 * H2 cannot roll DDL back, so a process killed in the middle of that first migration (a crash, or an operator's
 * kill during a slow first start) left a database holding part of a migration that Flyway had not recorded: every
 * later start failed on it ("table already exists") until someone deleted the file. Before the first migration
 * this creates a marker table ({@link #UNFINISHED}), committed ahead of the migration in the same stream of commits
 * and therefore stored with any part of it that reaches the disk, and drops it once the migration is done. A
 * database that still has it at a start never finished its first migration and holds nothing the service wrote
 * (the service answers nothing before its migration is done), so this drops everything in it and Flyway creates it
 * again. A database that finished its first migration, PostgreSQL (whose DDL is transactional) and in-memory H2
 * are migrated as before.
 */
@ApplicationScoped
public class FreshH2Migration implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(FreshH2Migration.class);

    /** The marker table of a first migration under way; its name says what it means to whoever finds it. */
    static final String UNFINISHED = "tandem_first_migration_unfinished";

    @Override
    public void customize(FluentConfiguration configuration) {
        DataSource dataSource = configuration.getDataSource();
        if (dataSource != null) {
            try (Connection connection = dataSource.getConnection()) {
                startOverIfUnfinished(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot check whether the database's first migration finished", e);
            }
        }
        Callback[] callbacks = Arrays.copyOf(configuration.getCallbacks(), configuration.getCallbacks().length + 1);
        callbacks[callbacks.length - 1] = new WriteDelay();
        configuration.callbacks(callbacks);
    }

    /** The callback itself; one per migration run, so that it remembers whether it relaxed the write delay. */
    static final class WriteDelay implements Callback {

        private boolean relaxed;

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                Connection connection = context.getConnection();
                if (event == Event.BEFORE_MIGRATE) {
                    if (isNewH2File(connection)) {
                        execute(connection, "CREATE TABLE " + UNFINISHED + " (since TIMESTAMP WITH TIME ZONE"
                                + " DEFAULT CURRENT_TIMESTAMP)");
                        execute(connection, "SET WRITE_DELAY 500");
                        relaxed = true;
                    }
                } else if (relaxed) {
                    relaxed = false;
                    if (event == Event.AFTER_MIGRATE) {
                        execute(connection, "DROP TABLE " + UNFINISHED);
                    }
                    execute(connection, "SET WRITE_DELAY 0");
                    execute(connection, "CHECKPOINT");
                    LOG.debug("Created the database with H2's write delay, then stored it");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot set H2's write delay around the first migration", e);
            }
        }

        @Override
        public String getCallbackName() {
            return "tandem-fresh-h2-migration";
        }
    }

    /**
     * An H2 database kept in a file (not in memory) without a table of its own yet (in the schema Flyway migrates;
     * in PostgreSQL mode H2 has tables of its own in pg_catalog).
     */
    static boolean isNewH2File(Connection connection) throws SQLException {
        return isH2File(connection) && tables(connection, "lower(table_name) <> 'flyway_schema_history'") == 0;
    }

    /** How many tables of the current schema meet {@code condition}. */
    private static long tables(Connection connection, String condition) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("select count(*) from information_schema.tables"
                        + " where table_schema = current_schema and " + condition)) {
            tables.next();
            return tables.getLong(1);
        }
    }

    /**
     * Drops everything in an H2 file database whose first migration did not finish (it has {@link #UNFINISHED}),
     * so that it is new again; true if it did.
     */
    static boolean startOverIfUnfinished(Connection connection) throws SQLException {
        if (!isH2File(connection)) {
            return false;
        }
        if (tables(connection, "lower(table_name) = '" + UNFINISHED + "'") == 0) {
            return false;
        }
        LOG.warn("The database's first migration did not finish (the service stopped during its first start):"
                + " creating the database again");
        execute(connection, "DROP ALL OBJECTS");
        return true;
    }

    private static boolean isH2File(Connection connection) throws SQLException {
        return "H2".equals(connection.getMetaData().getDatabaseProductName())
                && !connection.getMetaData().getURL().startsWith("jdbc:h2:mem:");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
