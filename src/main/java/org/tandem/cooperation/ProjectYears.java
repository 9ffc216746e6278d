package org.tandem.cooperation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Keeps {@code project_year}: a row per project and calendar year in which the project had a step (planned,
 * signed, construction, production or cancellation), with the project's programme, pairing, track, status and
 * host county, so that the projects list filtered by year reads one index range instead of testing five dates
 * of every project (see V20). Like the tallies, a project's rows are never patched: whenever
 * {@link CooperationRecords} writes a project they are written again from the record as flushed, in the same
 * transaction; rows written past it (the synthetic data) get theirs with {@link #writeProgram}. Deleting a
 * project deletes its rows (the foreign key cascades).
 */
@ApplicationScoped
public class ProjectYears {

    private static final List<String> STEP_DATES = List.of("planned_on", "signed_on", "construction_started_on",
            "production_started_on", "cancelled_on");
    /** Which projects a write covers: one, or every project of a programme. */
    private static final String ONE_PROJECT = "p.id = ?";
    private static final String ONE_PROGRAM = "pa.program_id = ?";

    /** The connection of the current transaction, the one Hibernate writes on: it sees what was flushed. */
    @Inject
    AgroalDataSource dataSource;

    /** Writes the project's years again from its record as flushed in this transaction. */
    void write(long projectId) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement("delete from project_year where project_id = ?")) {
                delete.setLong(1, projectId);
                delete.executeUpdate();
            }
            insert(connection, ONE_PROJECT, projectId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the years of project " + projectId, e);
        }
    }

    /**
     * Writes the years of every project of a programme, on {@code connection} and in its transaction: for rows
     * written with plain JDBC. Nothing else may write the programme's projects meanwhile.
     */
    public static void writeProgram(Connection connection, long programId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from project_year where program_id = ?")) {
            delete.setLong(1, programId);
            delete.executeUpdate();
        }
        insert(connection, ONE_PROGRAM, programId);
    }

    private static void insert(Connection connection, String scope, long key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(insertYears(scope))) {
            for (int i = 1; i <= STEP_DATES.size(); i++) {
                insert.setLong(i, key);
            }
            insert.executeUpdate();
        }
    }

    /**
     * The years of the projects in {@code scope}: one select per step date, united (a year counts once). The
     * scope is a join condition, not an {@code in (select ...)}: H2 run with OPTIMIZE_REUSE_RESULTS=FALSE would
     * evaluate such a subquery again for every project.
     */
    static String insertYears(String scope) {
        return "insert into project_year (project_id, calendar_year, program_id, pairing_id, track_code, status,"
                + " host_county_code) " + STEP_DATES.stream()
                        .map(column -> "select p.id, cast(extract(year from p." + column + ") as integer),"
                                + " pa.program_id, p.pairing_id, p.track_code, p.status, p.host_county_code"
                                + " from cooperation_project p join pairing pa on pa.id = p.pairing_id where p."
                                + column + " is not null and " + scope)
                        .collect(Collectors.joining(" union "));
    }
}
