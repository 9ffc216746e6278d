package org.tandem.cooperation;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tandem.IdArray;
import org.tandem.registry.Pairing;

import io.agroal.api.AgroalDataSource;

/**
 * Keeps the tallies of every pairing's cooperation records, which the derived indicators are read from:
 * {@code project_tally} holds, per pairing, calendar year, track and lifecycle step, how many projects
 * reached that step in that year and the sums of their investment, expected output and expected tax;
 * {@code activity_tally} holds, per pairing, year, track and kind, how many activities were held and the sums
 * of their participants, enterprises and amounts. An annual assessment then reads a few rows per pairing
 * instead of every project and activity of the programme.
 * <p>
 * A tally is never adjusted by a difference: whenever a project or activity of a pairing changes, the pairing's
 * tally rows the record was and is in (an activity's year, track and kind; a project's track and each step's year)
 * are computed again from its records, in the same transaction, once Hibernate has flushed the change; an import
 * counts every row of its pairings of that source again and stores the rows that came out different. They are
 * therefore exactly a grouping of the records, whatever the change, and a writer that forgot one would be
 * corrected by the next write of the same rows.
 * <p>
 * Writers of the same pairing are serialised on the pairing's row ({@link Pairing#lockRow}), locked before the
 * transaction writes its own rows (on PostgreSQL a new record's foreign key takes a share lock on that row; locking
 * it first keeps two writers from waiting for each other). The second writer's recount starts after the first has
 * committed, so it sees both changes.
 * <p>
 * {@link CooperationRecords} and {@link RecordBatches}, through which every project and activity is written, lock
 * and recount; rows written past them (the synthetic data) are counted with {@link #recountProgram}. Flyway's V11
 * counted the records that were there.
 */
@ApplicationScoped
public class CooperationTallies {

    /** The two kinds of record tallied: their tally table, their records' table, and the tally's columns. */
    enum Source {
        PROJECTS("project_tally", "cooperation_project", "step", "projects", "investment", "expected_annual_output",
                "expected_annual_tax"),
        ACTIVITIES("activity_tally", "cooperation_activity", "kind", "activities", "participants", "enterprises",
                "amount");

        final String table;
        final String records;
        /** The key's last column, after the pairing, year and track: a project's step or an activity's kind. */
        final String group;
        /** The four figures of a row: a count and three sums. */
        final List<String> figures;

        Source(String table, String records, String group, String... figures) {
            this.table = table;
            this.records = records;
            this.group = group;
            this.figures = List.of(figures);
        }

        /** One row of the table by its key: the pairing, year, track and step or kind, parameters 1 to 4. */
        String key() {
            return "pairing_id = ? and calendar_year = ? and track_code = ? and " + group + " = ?";
        }

        /** The insert of rows into the table, its columns in the order the tallies' selects give them. */
        String insertInto() {
            return "insert into " + table + " (pairing_id, calendar_year, track_code, " + group + ", "
                    + String.join(", ", figures) + ") ";
        }
    }

    /** The column holding the date a project reached each step. */
    private static final Map<ProjectStatus, String> STEP_DATE = new LinkedHashMap<>();
    static {
        STEP_DATE.put(ProjectStatus.PLANNED, "planned_on");
        STEP_DATE.put(ProjectStatus.SIGNED, "signed_on");
        STEP_DATE.put(ProjectStatus.UNDER_CONSTRUCTION, "construction_started_on");
        STEP_DATE.put(ProjectStatus.IN_PRODUCTION, "production_started_on");
        STEP_DATE.put(ProjectStatus.CANCELLED, "cancelled_on");
    }

    /** The pairings a programme's recount covers: all of them. */
    private static final String ONE_PROGRAM = "pairing_id in (select id from pairing where program_id = ?)";

    /** One activity tally row's activities: held in one year (a range of the index's dates), of a track and kind. */
    private static final String ONE_GROUP = "pairing_id = ? and held_on >= ? and held_on < ? and track_code = ?"
            + " and kind = ?";

    /** One row of a pairing's {@code activity_tally}: the activities held in a year under a track, of a kind. */
    record ActivityGroup(int year, String track, ActivityKind kind) {
    }

    /** One row of a pairing's {@code project_tally}: the projects of a track that reached a step in a year. */
    record ProjectGroup(int year, String track, ProjectStatus step) {
    }

    /** The connection of the current transaction, the one Hibernate writes on: it sees what was flushed. */
    @Inject
    AgroalDataSource dataSource;

    /**
     * Counts every one of these pairings' tallies of {@code source} again, from their records as flushed in this
     * transaction: for an import, which may have changed any of them. The tallies are counted afresh and read as
     * stored, the pairings an {@link IdArray} joined as a table, and only the rows that differ are written: an
     * import of five projects into each of 2,000 pairings changes a few of each pairing's thirty rows, and deleting
     * and inserting them all again was most of the recount's time.
     */
    void recount(Source source, Collection<Long> pairingIds) {
        if (pairingIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            Array ids = IdArray.of(connection, pairingIds);
            String records = IdArray.jdbcTable("k") + " join " + source.records + " on pairing_id = k.id";
            Map<List<Object>, List<Object>> counted = rows(connection, tallies(source, records, "true"), ids,
                    branches(source));
            Map<List<Object>, List<Object>> stored = rows(connection, "select t.pairing_id, t.calendar_year,"
                    + " t.track_code, t." + source.group + ", t." + String.join(", t.", source.figures) + " from "
                    + IdArray.jdbcTable("k") + " join " + source.table + " t on t.pairing_id = k.id", ids, 1);
            try (PreparedStatement delete = connection.prepareStatement(deleteRow(source));
                    PreparedStatement update = connection.prepareStatement("update " + source.table + " set "
                            + String.join(" = ?, ", source.figures) + " = ? where " + source.key());
                    PreparedStatement insert = connection.prepareStatement(source.insertInto()
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (var row : stored.entrySet()) {
                    if (!counted.containsKey(row.getKey())) {
                        bind(delete, 1, row.getKey());
                        delete.addBatch();
                    }
                }
                for (var row : counted.entrySet()) {
                    List<Object> was = stored.get(row.getKey());
                    if (was == null) {
                        bind(insert, 1, row.getKey());
                        bind(insert, 5, row.getValue());
                        insert.addBatch();
                    } else if (!same(was, row.getValue())) {
                        bind(update, 1, row.getValue());
                        bind(update, 5, row.getKey());
                        update.addBatch();
                    }
                }
                delete.executeBatch();
                update.executeBatch();
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not recount the tallies of pairings' records", e);
        }
    }

    /**
     * The rows {@code select} answers, its parameters 1 to {@code parameters} bound to {@code ids}: by the first
     * four columns (a tally's key), the next four (its figures), numbers read as {@code long} or BigDecimal.
     */
    private static Map<List<Object>, List<Object>> rows(Connection connection, String select, Array ids,
            int parameters) throws SQLException {
        Map<List<Object>, List<Object>> rows = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            for (int i = 1; i <= parameters; i++) {
                statement.setArray(i, ids);
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.put(List.of(row.getLong(1), (long) row.getInt(2), row.getString(3), row.getString(4)),
                            Arrays.asList(row.getLong(5), row.getBigDecimal(6), row.getBigDecimal(7),
                                    row.getBigDecimal(8)));
                }
            }
        }
        return rows;
    }

    private static void bind(PreparedStatement statement, int first, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(first + i, values.get(i));
        }
    }

    /** Whether a tally's figures are the same, sums compared by value (a stored 7.00 is a counted 7). */
    private static boolean same(List<Object> stored, List<Object> counted) {
        for (int i = 0; i < stored.size(); i++) {
            Object a = stored.get(i);
            Object b = counted.get(i);
            boolean equal = a == null || b == null ? a == b
                    : a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : a.equals(b);
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    /**
     * Counts the pairing's activity tallies of these groups again, from its records as flushed in this transaction:
     * for a change of activities that were and are in them. A write of one activity changes one or two tally rows
     * of its pair-year; recounting only those reads that year's activities of the track and kind, and leaves the
     * year's other rows (some thirty at a full pair-year) and their index pages untouched, which the commit then
     * need not write again.
     */
    void recountActivities(long pairingId, Collection<ActivityGroup> groups) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(deleteRow(Source.ACTIVITIES));
                PreparedStatement count = connection.prepareStatement(Source.ACTIVITIES.insertInto()
                        + activityTallies(Source.ACTIVITIES.records, ONE_GROUP))) {
            for (ActivityGroup group : new LinkedHashSet<>(groups)) {
                deleteRow(delete, pairingId, group.year(), group.track(), group.kind().name());
                count.setLong(1, pairingId);
                count.setObject(2, LocalDate.of(group.year(), 1, 1));
                count.setObject(3, LocalDate.of(group.year() + 1, 1, 1));
                count.setString(4, group.track());
                count.setString(5, group.kind().name());
                count.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not recount the tallies of a pairing's activities", e);
        }
    }

    /**
     * Counts the pairing's project tallies of these groups again, from its records as flushed in this transaction:
     * for a change of projects that were and are in them. As for activities, a project's write changes the rows of
     * the steps it reached, in the years and under the track it was and is in (a handful of the pair-year's thirty);
     * each is counted from the projects of the pair and track whose step date falls in that year.
     */
    void recountProjects(long pairingId, Collection<ProjectGroup> groups) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(deleteRow(Source.PROJECTS))) {
            for (ProjectGroup group : new LinkedHashSet<>(groups)) {
                deleteRow(delete, pairingId, group.year(), group.track(), group.step().name());
                String column = STEP_DATE.get(group.step());
                try (PreparedStatement count = connection.prepareStatement(Source.PROJECTS.insertInto()
                        + projectTally(group.step(), column, Source.PROJECTS.records,
                                "pairing_id = ? and track_code = ? and " + column + " >= ? and " + column + " < ?"))) {
                    count.setLong(1, pairingId);
                    count.setString(2, group.track());
                    count.setObject(3, LocalDate.of(group.year(), 1, 1));
                    count.setObject(4, LocalDate.of(group.year() + 1, 1, 1));
                    count.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not recount the tallies of a pairing's projects", e);
        }
    }

    /** The delete of one of {@code source}'s tally rows by its key ({@link Source#key}). */
    private static String deleteRow(Source source) {
        return "delete from " + source.table + " where " + source.key();
    }

    /** Deletes one tally row: {@code delete} takes the pairing, year, track and kind (or step), in that order. */
    private static void deleteRow(PreparedStatement delete, long pairingId, int year, String track, String group)
            throws SQLException {
        delete.setLong(1, pairingId);
        delete.setInt(2, year);
        delete.setString(3, track);
        delete.setString(4, group);
        delete.executeUpdate();
    }

    /**
     * Recounts the tallies of every pairing of a programme, on {@code connection} and in its transaction: for
     * rows written with plain JDBC. Nothing else may write the programme's records meanwhile.
     */
    public static void recountProgram(Connection connection, long programId) throws SQLException {
        for (Source source : Source.values()) {
            recount(connection, source, ONE_PROGRAM, programId);
        }
    }

    /** Deletes the tallies of {@code source} in {@code scope} (bound to {@code key}) and counts them again. */
    private static void recount(Connection connection, Source source, String scope, long key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + source.table + " where "
                + scope)) {
            delete.setLong(1, key);
            delete.executeUpdate();
        }
        try (PreparedStatement count = connection.prepareStatement(source.insertInto()
                + tallies(source, source.records, scope))) {
            for (int i = 1; i <= branches(source); i++) {
                count.setLong(i, key);
            }
            count.executeUpdate();
        }
    }

    /**
     * The grouped select of {@code source}'s tallies of the records of {@code from} (the table, or it joined to the
     * pairings' ids) in {@code scope}; {@code scope}'s parameters come {@link #branches} times.
     */
    private static String tallies(Source source, String from, String scope) {
        return source == Source.PROJECTS ? projectTallies(from, scope) : activityTallies(from, scope);
    }

    /** How many times {@link #tallies} repeats its scope: once per lifecycle step for projects, once for activities. */
    private static int branches(Source source) {
        return source == Source.PROJECTS ? STEP_DATE.size() : 1;
    }

    /**
     * One grouped select per lifecycle step: the projects of {@code from} in {@code scope} that reached it, by the
     * year they did.
     */
    private static String projectTallies(String from, String scope) {
        List<String> steps = new ArrayList<>();
        STEP_DATE.forEach((step, column) -> steps.add(projectTally(step, column, from, scope)));
        return String.join(" union all ", steps);
    }

    /**
     * The grouped select of one lifecycle step's tallies: the projects of {@code from} (the table, or it joined to
     * the pairings' ids) in {@code scope} that reached it, by the year they did.
     */
    private static String projectTally(ProjectStatus step, String column, String from, String scope) {
        String year = "cast(extract(year from " + column + ") as integer)";
        return "select pairing_id, " + year + ", track_code, '" + step.name() + "', count(*), sum(investment),"
                + " sum(expected_annual_output), sum(expected_annual_tax) from " + from + " where " + column
                + " is not null and " + scope + " group by pairing_id, " + year + ", track_code";
    }

    /** The grouped select of the activities of {@code from} in {@code scope}: by year, track and kind. */
    private static String activityTallies(String from, String scope) {
        String year = "cast(extract(year from held_on) as integer)";
        return "select pairing_id, " + year + ", track_code, kind, count(*), sum(participants),"
                + " sum(enterprises), sum(amount) from " + from + " where " + scope + " group by pairing_id, "
                + year + ", track_code, kind";
    }
}
