package org.tandem.cooperation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A programme's projects in id order, as the list without a year and its export read them ({@code order by
 * p.programId, p.id}, after a keyset or not), are a range of {@code cooperation_project_program_idx} that H2 walks in
 * order and stops at the page's end, instead of sorting every project of the programme for each page. H2's plan:
 * PostgreSQL plans by its statistics.
 */
@QuarkusTest
class ProjectListPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aProgrammesProjectsInIdOrderAreAnIndexRangeReadInOrder() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assumeTrue(c.getMetaData().getURL().startsWith("jdbc:h2"), "the plan is H2's");
            for (String sql : List.of(
                    "select id from cooperation_project where program_id = 1 order by program_id, id"
                            + " fetch first 50 rows only",
                    "select id from cooperation_project where program_id = 1 and id > 5 order by program_id desc,"
                            + " id desc fetch first 500 rows only",
                    "select id from cooperation_project where program_id = 1 and track_code = 'PROJECT_COOP'"
                            + " order by program_id, id offset 50 rows fetch first 50 rows only")) {
                try (ResultSet plan = c.createStatement().executeQuery("explain " + sql)) {
                    plan.next();
                    String text = plan.getString(1);
                    assertTrue(text.contains("cooperation_project_program_idx") && text.contains("index sorted"),
                            text);
                }
            }
        }
    }
}
