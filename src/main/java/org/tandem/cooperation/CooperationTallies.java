package org.tandem.cooperation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
 * counts the pairing's every row of that source again. They are therefore exactly a grouping of the records,
 * whatever the change, and a writer that forgot one would be corrected by the next write of the same rows.
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

    /** The two kinds of record tallied. */
    enum Source {
        PROJECTS,
        ACTIVITIES
    }

    private static final String PROJECT_TALLY_COLUMNS = " (pairing_id, calendar_year, track_code, step, projects,"
            + " investment, expected_annual_output, expected_annual_tax) ";

    /** The column holding the date a project reached each step. */
    private static final Map<ProjectStatus, String> STEP_DATE = new LinkedHashMap<>();
    static {
        STEP_DATE.put(ProjectStatus.PLANNED, "planned_on");
        STEP_DATE.put(ProjectStatus.SIGNED, "signed_on");
        STEP_DATE.put(ProjectStatus.UNDER_CONSTRUCTION, "construction_started_on");
        STEP_DATE.put(ProjectStatus.IN_PRODUCTION, "production_started_on");
        STEP_DATE.put(ProjectStatus.CANCELLED, "cancelled_on");
    }

    /** Which pairings a recount covers: one pairing, or every pairing of a programme. */
    private static final String ONE_PAIRING = "pairing_id = ?";
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
     * Counts every one of the pairing's tallies of {@code source} again, from its records as flushed in this
     * transaction: for an import, which may have changed any of them.
     */
    void recount(Source source, long pairingId) {
        try (Connection connection = dataSource.getConnection()) {
            recount(connection, source, ONE_PAIRING, pairingId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not recount the tallies of a pairing's records", e);
        }
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
                PreparedStatement delete = connection.prepareStatement("delete from activity_tally"
                        + " where pairing_id = ? and calendar_year = ? and track_code = ? and kind = ?");
                PreparedStatement count = connection.prepareStatement(activityTallies(ONE_GROUP))) {
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
                PreparedStatement delete = connection.prepareStatement("delete from project_tally"
                        + " where pairing_id = ? and calendar_year = ? and track_code = ? and step = ?")) {
            for (ProjectGroup group : new LinkedHashSet<>(groups)) {
                deleteRow(delete, pairingId, group.year(), group.track(), group.step().name());
                String column = STEP_DATE.get(group.step());
                try (PreparedStatement count = connection.prepareStatement("insert into project_tally"
                        + PROJECT_TALLY_COLUMNS + projectTally(group.step(), column, "pairing_id = ? and track_code = ?"
                                + " and " + column + " >= ? and " + column + " < ?"))) {
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
        String table = source == Source.PROJECTS ? "project_tally" : "activity_tally";
        try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where " + scope)) {
            delete.setLong(1, key);
            delete.executeUpdate();
        }
        String insert = source == Source.PROJECTS ? projectTallies(scope) : activityTallies(scope);
        try (PreparedStatement count = connection.prepareStatement(insert)) {
            int branches = source == Source.PROJECTS ? STEP_DATE.size() : 1;
            for (int i = 1; i <= branches; i++) {
                count.setLong(i, key);
            }
            count.executeUpdate();
        }
    }

    /** One grouped select per lifecycle step: the projects in {@code scope} that reached it, by the year they did. */
    private static String projectTallies(String scope) {
        List<String> steps = new ArrayList<>();
        STEP_DATE.forEach((step, column) -> steps.add(projectTally(step, column, scope)));
        return "insert into project_tally" + PROJECT_TALLY_COLUMNS + String.join(" union all ", steps);
    }

    /** The grouped select of one lifecycle step's tallies: the projects that reached it, by the year they did. */
    private static String projectTally(ProjectStatus step, String column, String scope) {
        String year = "cast(extract(year from " + column + ") as integer)";
        return "select pairing_id, " + year + ", track_code, '" + step.name() + "', count(*), sum(investment),"
                + " sum(expected_annual_output), sum(expected_annual_tax) from cooperation_project where " + column
                + " is not null and " + scope + " group by pairing_id, " + year + ", track_code";
    }

    /** The grouped select of the activities in {@code scope}: by year, track and kind. */
    private static String activityTallies(String scope) {
        String year = "cast(extract(year from held_on) as integer)";
        return "insert into activity_tally (pairing_id, calendar_year, track_code, kind, activities, participants,"
                + " enterprises, amount) select pairing_id, " + year + ", track_code, kind, count(*), sum(participants),"
                + " sum(enterprises), sum(amount) from cooperation_activity where " + scope + " group by pairing_id, "
                + year + ", track_code, kind";
    }
}
