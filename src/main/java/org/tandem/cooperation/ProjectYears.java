package org.tandem.cooperation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tandem.IdArray;

import io.agroal.api.AgroalDataSource;

/**
 * Keeps {@code project_year}: a row per project and calendar year in which the project had a step (planned,
 * signed, construction, production or cancellation), with the project's programme, pairing, track, status and
 * host county, so that the projects list filtered by year reads one index range instead of testing five dates
 * of every project (see V20); and with it {@link ProjectCounts}, those rows counted by programme, year, track and
 * status (V33). Like the tallies, a project's rows are never patched: whenever {@link CooperationRecords} or
 * {@link RecordBatches} writes projects their rows are written again from the records as flushed, in the same
 * transaction, and the counts move by the difference; rows written past them (the synthetic data) get theirs
 * with {@link #writeProgram}. A project's rows are removed with {@link #forget} before the project is deleted.
 */
@ApplicationScoped
public class ProjectYears {

    private static final List<String> STEP_DATES = List.of("planned_on", "signed_on", "construction_started_on",
            "production_started_on", "cancelled_on");
    /** Projects per delete: their ids an {@code in} list (H2 cannot delete through a join). */
    private static final int CHUNK = 200;

    /** The connection of the current transaction, the one Hibernate writes on: it sees what was flushed. */
    @Inject
    AgroalDataSource dataSource;

    /**
     * Writes the years of these projects again from their records as flushed in this transaction, and moves the
     * counts by the difference. Once per transaction (see {@link ProjectCounts#add}).
     */
    void write(Collection<Long> projectIds) {
        rewrite(projectIds, true);
    }

    /** Removes the project's years and takes them off the counts: before the project is deleted. */
    void forget(long projectId) {
        rewrite(List.of(projectId), false);
    }

    /**
     * Reads and writes the projects' rows with their ids as one {@link IdArray} joined as a table; deletes them in
     * chunks.
     */
    private void rewrite(Collection<Long> projectIds, boolean again) {
        Map<ProjectCounts.Key, Integer> changes = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<Long> ids = List.copyOf(new TreeSet<>(projectIds));
            Array array = IdArray.of(connection, ids);
            ProjectCounts.collect(connection, array, -1, changes);
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                try (PreparedStatement delete = connection.prepareStatement("delete from project_year"
                        + " where project_id in (" + "?, ".repeat(chunk.size() - 1) + "?)")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        delete.setLong(i + 1, chunk.get(i));
                    }
                    delete.executeUpdate();
                }
            }
            if (again) {
                insert(connection, IdArray.jdbcTable("k") + " join cooperation_project p on p.id = k.id", "true", array);
                ProjectCounts.collect(connection, array, 1, changes);
            }
            ProjectCounts.add(connection, changes);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the years of projects " + projectIds, e);
        }
    }

    /**
     * Writes the years of every project of a programme, and counts them, on {@code connection} and in its
     * transaction: for rows written with plain JDBC. Nothing else may write the programme's projects meanwhile.
     */
    public static void writeProgram(Connection connection, long programId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from project_year where program_id = ?")) {
            delete.setLong(1, programId);
            delete.executeUpdate();
        }
        insert(connection, "cooperation_project p", "pa.program_id = ?", programId);
        ProjectCounts.recount(connection, programId);
    }

    /**
     * Inserts the years of the projects {@code p} of {@code from} that match {@code where}, whose one parameter
     * (in either) is {@code key}.
     */
    private static void insert(Connection connection, String from, String where, Object key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(insertYears(from, where))) {
            for (int i = 1; i <= STEP_DATES.size(); i++) {
                insert.setObject(i, key);
            }
            insert.executeUpdate();
        }
    }

    /**
     * The years of the projects {@code p} of {@code from} that match {@code where}: one select per step date, united
     * (a year counts once). The projects are chosen by a join or a condition, never {@code in (select ...)}: H2 run
     * with OPTIMIZE_REUSE_RESULTS=FALSE would evaluate such a subquery again for every project.
     */
    static String insertYears(String from, String where) {
        return "insert into project_year (project_id, calendar_year, program_id, pairing_id, track_code, status,"
                + " host_county_code) " + STEP_DATES.stream()
                        .map(column -> "select p.id, cast(extract(year from p." + column + ") as integer),"
                                + " pa.program_id, p.pairing_id, p.track_code, p.status, p.host_county_code"
                                + " from " + from + " join pairing pa on pa.id = p.pairing_id where p." + column
                                + " is not null and " + where)
                        .collect(Collectors.joining(" union "));
    }
}
