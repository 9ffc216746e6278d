package org.tandem.cooperation;

import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Numbers.numberEqualTo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.tandem.reliability.ConcurrencyTest;
import org.tandem.support.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The tallies the derived values are read from are exactly a grouping of the pairing's projects and activities,
 * counted here in Java from the records themselves: after every kind of write through the API, after many
 * writers of one pairing at once, and after the migration that counted the records already there.
 */
@QuarkusTest
class CooperationTalliesTest {

    /** Project columns: the date of each lifecycle step, in the order of {@link ProjectStatus}. */
    private static final List<String> STEP_DATES = List.of("planned_on", "signed_on", "construction_started_on",
            "production_started_on", "cancelled_on");
    private static final List<String> STEPS = List.of("PLANNED", "SIGNED", "UNDER_CONSTRUCTION", "IN_PRODUCTION",
            "CANCELLED");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void talliesFollowEveryKindOfWrite() throws SQLException {
        long pairing = Fixtures.yiwuLiandu();
        assertTalliesMatchRecords(pairing, 0, 0);

        long huanlong = ProjectTest.create(pairing, ProjectTest.huanlong());
        long second = ProjectTest.create(pairing, project("CHAIN_COLLAB", "2024-02-01", "300000000.50"));
        long third = ProjectTest.create(pairing, project("PROJECT_COOP", "2024-03-01", null));
        assertTalliesMatchRecords(pairing, 3, 0);

        ProjectTest.move(huanlong, "SIGNED", "2023-09-01");
        ProjectTest.move(huanlong, "UNDER_CONSTRUCTION", "2024-01-15");
        ProjectTest.move(second, "SIGNED", "2024-04-01");
        ProjectTest.move(third, "CANCELLED", "2025-01-10");
        assertTalliesMatchRecords(pairing, 3, 0);

        // A changed figure, track and planning date move the project's amounts between tallies.
        putProject(second, project("DIGITAL_ASSIST", "2023-12-01", "123.45"));
        assertTalliesMatchRecords(pairing, 3, 0);

        // A changed track alone moves each step's amounts to the other track's rows of the same years, and a
        // changed figure alone changes the rows of every step the project reached.
        putProject(huanlong, project("INVEST_INFO", "2023-06-01", "500000000"));
        assertTalliesMatchRecords(pairing, 3, 0);
        putProject(huanlong, project("INVEST_INFO", "2023-06-01", "7.25"));
        assertTalliesMatchRecords(pairing, 3, 0);

        long diagnosis = activity(pairing, "DIGITAL_ASSIST", "ENTERPRISE_DIAGNOSIS", "2024-04-01", 40, null);
        long training = activity(pairing, "DIGITAL_ASSIST", "ENTERPRISE_DIAGNOSIS", "2024-05-01", 12, null);
        long agreement = activity(pairing, "CHAIN_COLLAB", "SIGNED_AGREEMENT", "2023-11-20", 10, "1000000000");
        assertTalliesMatchRecords(pairing, 3, 3);

        // Within the year, a changed kind, then a changed track, moves the activity from one tally row to another.
        putActivity(training, activityBody("DIGITAL_ASSIST", "TRAINING", "2024-05-01", 12, null));
        assertTalliesMatchRecords(pairing, 3, 3);
        putActivity(training, activityBody("INVEST_INFO", "TRAINING", "2024-12-31", 12, "5.50"));
        assertTalliesMatchRecords(pairing, 3, 3);

        putActivity(diagnosis, activityBody("INVEST_INFO", "TRAINING", "2025-06-01", 7, null));
        api().delete("/api/v1/activities/{id}", agreement).then().statusCode(204);
        api().delete("/api/v1/projects/{id}", third).then().statusCode(204);
        assertTalliesMatchRecords(pairing, 2, 2);
    }

    /**
     * An import counts the tallies of every pairing it wrote again, all at once: two pairings' new projects and
     * activities, beside records written before, and a project's step added by a later import.
     */
    @Test
    void anImportCountsEveryPairingItWroteAgain() throws SQLException {
        long yiwu = Fixtures.yiwuLiandu();
        String program = Fixtures.program(List.of(Fixtures.NANHU), List.of(Fixtures.SUICHANG));
        long nanhu = Fixtures.pairing(program, Fixtures.NANHU, Fixtures.SUICHANG);
        ProjectTest.create(yiwu, project("CHAIN_COLLAB", "2023-05-01", "100"));
        activity(nanhu, "CHAIN_COLLAB", "TRAINING", "2024-02-01", 5, "10");

        String projects = "key,pairing,track,title,leadEnterprise,hostCounty,investment,expectedAnnualOutput,"
                + "expectedAnnualTax,plannedOn,signedOn,constructionStartedOn,productionStartedOn,cancelledOn,"
                + "description\n"
                + "," + yiwu + ",CHAIN_COLLAB,导入一,," + Fixtures.LIANDU + ",200.50,,,2024-01-10,2024-03-01,,,,\n"
                + "," + yiwu + ",PROJECT_COOP,导入二,," + Fixtures.YIWU + ",,,,2023-12-31,,,,,\n"
                + "," + nanhu + ",CHAIN_COLLAB,导入三,," + Fixtures.SUICHANG + ",7,1,2,2024-02-02,2024-02-03,,,,\n";
        importCsv("projects", projects);
        String activities = "key,pairing,track,kind,heldOn,title,participants,enterprises,amount,description\n"
                + "," + yiwu + ",CHAIN_COLLAB,TRAINING,2024-02-01,导入培训,20,2,100.25,\n"
                + "," + nanhu + ",CHAIN_COLLAB,TRAINING,2024-03-01,导入培训,8,1,,\n"
                + "," + nanhu + ",DIGITAL_ASSIST,DOCKING_MEETING,2025-01-01,导入对接,3,,,\n";
        importCsv("activities", activities);
        assertTalliesMatchRecords(yiwu, 3, 1);
        assertTalliesMatchRecords(nanhu, 1, 3);

        // The same rows matched by pairing, track and title: two moved on a step (rows added), one planned a day
        // later, in the next year (its year's row gone, the next year's added); the activity beside an earlier one
        // changed that row.
        importCsv("projects", projects.replace(",2024-03-01,,,,", ",2024-03-01,2024-06-01,,,")
                .replace(",2024-02-03,,,,", ",2024-02-03,2024-05-05,,,").replace(",2023-12-31,", ",2024-01-01,"));
        assertTalliesMatchRecords(yiwu, 3, 1);
        assertTalliesMatchRecords(nanhu, 1, 3);
    }

    private static void importCsv(String kind, String csv) {
        api().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("kind", kind)
                .post("/api/v1/imports").then().statusCode(201);
    }

    /**
     * Each kind of write on its own, seen where the tallies are read: a derived figure of the pairing's progress
     * follows every create, update, transition and delete at once (a write that forgot its recount would show
     * the figure before it, until the next write of the pairing).
     */
    @Test
    void eachWriteShowsInTheDerivedFiguresAtOnce() {
        long pairing = Fixtures.yiwuLiandu();
        long diagnosis = activity(pairing, "DIGITAL_ASSIST", "ENTERPRISE_DIAGNOSIS", "2024-04-10", 40, null);
        assertDerived(pairing, 2024, "ENTERPRISES_DIAGNOSED", 40);

        String activityTag = api().get("/api/v1/activities/{id}", diagnosis).then().statusCode(200).extract()
                .header("ETag");
        api().header("If-Match", activityTag)
                .body(activityBody("DIGITAL_ASSIST", "ENTERPRISE_DIAGNOSIS", "2023-11-10", 18, null))
                .put("/api/v1/activities/{id}", diagnosis).then().statusCode(200);
        assertDerived(pairing, 2024, "ENTERPRISES_DIAGNOSED", 0);
        assertDerived(pairing, 2023, "ENTERPRISES_DIAGNOSED", 18);

        api().delete("/api/v1/activities/{id}", diagnosis).then().statusCode(204);
        assertDerived(pairing, 2023, "ENTERPRISES_DIAGNOSED", 0);

        long project = ProjectTest.create(pairing, project("PROJECT_COOP", "2023-06-01", "500000000"));
        assertDerived(pairing, 2024, "PROJECTS_IN_PRODUCTION", 0);
        ProjectTest.move(project, "IN_PRODUCTION", "2024-05-20");
        assertDerived(pairing, 2024, "PROJECTS_IN_PRODUCTION", 1);
        assertDerived(pairing, 2024, "EXPECTED_OUTPUT_IN_PRODUCTION", 1500000000);

        Map<String, Object> smaller = project("PROJECT_COOP", "2023-06-01", "500000000");
        smaller.put("expectedAnnualOutput", new BigDecimal("900000000"));
        String projectTag = api().get("/api/v1/projects/{id}", project).then().statusCode(200).extract()
                .header("ETag");
        api().header("If-Match", projectTag).body(smaller).put("/api/v1/projects/{id}", project).then()
                .statusCode(200);
        assertDerived(pairing, 2024, "EXPECTED_OUTPUT_IN_PRODUCTION", 900000000);

        api().delete("/api/v1/projects/{id}", project).then().statusCode(204);
        assertDerived(pairing, 2024, "PROJECTS_IN_PRODUCTION", 0);
        assertDerived(pairing, 2024, "EXPECTED_OUTPUT_IN_PRODUCTION", 0);
    }

    private static void assertDerived(long pairing, int year, String indicator, long expected) {
        api().get("/api/v1/pairings/{id}/years/{year}/progress", pairing, year).then().statusCode(200)
                .body("indicators.find { it.indicator == '" + indicator + "' }.actual", numberEqualTo(expected));
    }

    @Test
    void manyWritersOfOnePairingAtOnceAreAllCounted() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        ProjectTest.create(pairing, ProjectTest.huanlong());
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String day = String.format("2024-03-%02d", i + 1);
            writers.add(i % 2 == 0
                    ? () -> api().body(project("PROJECT_COOP", day, "1000.25")).post("/api/v1/pairings/{id}/projects",
                            pairing).statusCode()
                    : () -> api().body(activityBody("PROJECT_COOP", "TRAINING", day, 5, "10.5"))
                            .post("/api/v1/pairings/{id}/activities", pairing).statusCode());
        }
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 201),
                ConcurrencyTest.atOnce(writers));
        assertTalliesMatchRecords(pairing, 7, 6);
    }

    @Test
    void aPairingIsDeletableOnceItsRecordsAreGoneTalliesIncluded() throws SQLException {
        long pairing = Fixtures.yiwuLiandu();
        long project = ProjectTest.create(pairing, ProjectTest.huanlong());
        api().delete("/api/v1/pairings/{id}", pairing).then().statusCode(409).body("type", endsWith("/referenced"));
        assertTalliesMatchRecords(pairing, 1, 0);

        api().delete("/api/v1/projects/{id}", project).then().statusCode(204);
        assertTalliesMatchRecords(pairing, 0, 0);
        api().delete("/api/v1/pairings/{id}", pairing).then().statusCode(204);
        api().get("/api/v1/pairings/{id}", pairing).then().statusCode(404);
    }

    @Test
    void theMigrationCountedTheRecordsAlreadyThere() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:tallies-backfill;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        // Open throughout, so that the in-memory database outlives Flyway's own connections. (The inserts below are
        // also checked by constraints Flyway's closed session created, which H2 2.4.240 failed: h2database#4302.)
        try (Connection c = database.getConnection()) {
            Flyway.configure().dataSource(database).target("10").load().migrate();
            long pairing = single(c, "select min(id) from pairing");
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = c.prepareStatement("insert into cooperation_project (id, pairing_id,"
                    + " track_code, title, host_county_code, investment, status, planned_on, signed_on, cancelled_on,"
                    + " created_at, updated_at) values (?, ?, ?, '项目', ?, ?, 'SIGNED', ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 6; i++) {
                    insert.setLong(1, 1 + i);
                    insert.setLong(2, pairing);
                    insert.setString(3, i % 2 == 0 ? "PROJECT_COOP" : "CHAIN_COLLAB");
                    insert.setString(4, LIANDU);
                    insert.setBigDecimal(5, i == 0 ? null : new BigDecimal(i + "000.5"));
                    insert.setDate(6, Date.valueOf((2023 + i % 3) + "-02-01"));
                    insert.setDate(7, Date.valueOf("2024-0" + (i + 1) + "-01"));
                    insert.setDate(8, i == 5 ? Date.valueOf("2025-01-01") : null);
                    insert.setTimestamp(9, now);
                    insert.setTimestamp(10, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into cooperation_activity (id, pairing_id,"
                    + " track_code, kind, held_on, title, participants, amount, created_at, updated_at)"
                    + " values (?, ?, 'INVEST_INFO', ?, ?, '活动', ?, ?, ?, ?)")) {
                for (int i = 0; i < 5; i++) {
                    insert.setLong(1, 1 + i);
                    insert.setLong(2, pairing);
                    insert.setString(3, i < 3 ? "TRAINING" : "SIGNED_AGREEMENT");
                    insert.setDate(4, Date.valueOf((2023 + i % 2) + "-05-0" + (i + 1)));
                    insert.setObject(5, i == 4 ? null : 10 * i);
                    insert.setBigDecimal(6, i < 3 ? null : new BigDecimal("2.5"));
                    insert.setTimestamp(7, now);
                    insert.setTimestamp(8, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Flyway.configure().dataSource(database).load().migrate();
            assertTalliesMatchRecords(c, pairing, 6, 5);
        }
    }

    @Test
    void theMigrationDatedTheStepsProjectsHadSkippedAndCountedThemAgain() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:implied-steps;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        try (Connection c = database.getConnection()) {
            Flyway.configure().dataSource(database).target("15").load().migrate();
            long pairing = single(c, "select min(id) from pairing");
            Timestamp now = Timestamp.from(Instant.now());
            // planned, signed, construction, production, cancelled: two skips, one without, one cancelled.
            String[][] steps = {
                    { "2023-02-01", null, null, "2024-05-20", null },
                    { "2023-02-01", "2023-06-01", null, "2024-03-01", null },
                    { "2023-02-01", null, "2023-10-01", null, null },
                    { "2023-02-01", "2023-06-01", "2023-09-01", "2024-01-01", null },
                    { "2023-02-01", null, null, null, "2023-05-01" } };
            try (PreparedStatement insert = c.prepareStatement("insert into cooperation_project (id, pairing_id,"
                    + " track_code, title, host_county_code, investment, status, planned_on, signed_on,"
                    + " construction_started_on, production_started_on, cancelled_on, created_at, updated_at)"
                    + " values (?, ?, 'PROJECT_COOP', '项目', ?, 100, 'PLANNED', ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < steps.length; i++) {
                    insert.setLong(1, 1 + i);
                    insert.setLong(2, pairing);
                    insert.setString(3, LIANDU);
                    for (int k = 0; k < 5; k++) {
                        insert.setDate(4 + k, steps[i][k] == null ? null : Date.valueOf(steps[i][k]));
                    }
                    insert.setTimestamp(9, now);
                    insert.setTimestamp(10, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Flyway.configure().dataSource(database).load().migrate();

            assertEquals(List.of(
                    List.of("2023-02-01", "2024-05-20", "2024-05-20", "2024-05-20", "-", "1"),
                    List.of("2023-02-01", "2023-06-01", "2024-03-01", "2024-03-01", "-", "1"),
                    List.of("2023-02-01", "2023-10-01", "2023-10-01", "-", "-", "1"),
                    List.of("2023-02-01", "2023-06-01", "2023-09-01", "2024-01-01", "-", "0"),
                    List.of("2023-02-01", "-", "-", "-", "2023-05-01", "0")), stepsOf(c));
            assertTalliesMatchRecords(c, pairing, 5, 0);
        }
    }

    /** Every project's step dates ("-" for none) and version, by id. */
    private static List<List<String>> stepsOf(Connection c) throws SQLException {
        List<List<String>> projects = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select " + String.join(", ", STEP_DATES) + ", version from cooperation_project order by id");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int k = 1; k <= STEP_DATES.size(); k++) {
                    row.add(r.getDate(k) == null ? "-" : r.getDate(k).toString());
                }
                row.add(Long.toString(r.getLong(STEP_DATES.size() + 1)));
                projects.add(row);
            }
        }
        return projects;
    }

    private static Map<String, Object> project(String track, String plannedOn, String investment) {
        Map<String, Object> body = ProjectTest.huanlong();
        body.put("track", track);
        body.put("plannedOn", plannedOn);
        body.put("investment", investment == null ? null : new BigDecimal(investment));
        return body;
    }

    private static Map<String, Object> activityBody(String track, String kind, String heldOn, Integer enterprises,
            String amount) {
        Map<String, Object> body = new HashMap<>(Map.of("track", track, "kind", kind, "heldOn", heldOn, "title",
                "对接活动 " + heldOn, "participants", 30));
        body.put("enterprises", enterprises);
        body.put("amount", amount == null ? null : new BigDecimal(amount));
        return body;
    }

    private static long activity(long pairing, String track, String kind, String heldOn, Integer enterprises,
            String amount) {
        return api().body(activityBody(track, kind, heldOn, enterprises, amount))
                .post("/api/v1/pairings/{id}/activities", pairing).then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static void putProject(long id, Map<String, Object> body) {
        String tag = api().get("/api/v1/projects/{id}", id).then().extract().header("ETag");
        api().header("If-Match", tag).body(body).put("/api/v1/projects/{id}", id).then().statusCode(200);
    }

    private static void putActivity(long id, Map<String, Object> body) {
        String tag = api().get("/api/v1/activities/{id}", id).then().extract().header("ETag");
        api().header("If-Match", tag).body(body).put("/api/v1/activities/{id}", id).then().statusCode(200);
    }

    private void assertTalliesMatchRecords(long pairing, int projects, int activities) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertTalliesMatchRecords(c, pairing, projects, activities);
        }
    }

    /** Checks the record counts first, so that a lost write cannot hide behind tallies that lost it too. */
    private static void assertTalliesMatchRecords(Connection c, long pairing, int projects, int activities)
            throws SQLException {
        assertEquals(projects, single(c, "select count(*) from cooperation_project where pairing_id = " + pairing));
        assertEquals(activities, single(c, "select count(*) from cooperation_activity where pairing_id = " + pairing));
        assertEquals(projectsGrouped(c, pairing), rows(c, "select calendar_year, track_code, step, projects,"
                + " investment, expected_annual_output, expected_annual_tax from project_tally where pairing_id = "
                + pairing));
        assertEquals(activitiesGrouped(c, pairing), rows(c, "select calendar_year, track_code, kind, activities,"
                + " participants, enterprises, amount from activity_tally where pairing_id = " + pairing));
    }

    /** Each project counted once under every step it reached, in the year it reached it. */
    private static Map<String, String> projectsGrouped(Connection c, long pairing) throws SQLException {
        Map<String, Sums> groups = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("select track_code, investment, expected_annual_output,"
                + " expected_annual_tax, " + String.join(", ", STEP_DATES)
                + " from cooperation_project where pairing_id = ?")) {
            s.setLong(1, pairing);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    for (int k = 0; k < STEPS.size(); k++) {
                        Date on = r.getDate(5 + k);
                        if (on != null) {
                            groups.computeIfAbsent(on.toLocalDate().getYear() + "|" + r.getString(1) + "|"
                                    + STEPS.get(k), key -> new Sums()).add(r, 2);
                        }
                    }
                }
            }
        }
        return written(groups);
    }

    private static Map<String, String> activitiesGrouped(Connection c, long pairing) throws SQLException {
        Map<String, Sums> groups = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("select held_on, track_code, kind, participants, enterprises,"
                + " amount from cooperation_activity where pairing_id = ?")) {
            s.setLong(1, pairing);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    groups.computeIfAbsent(r.getDate(1).toLocalDate().getYear() + "|" + r.getString(2) + "|"
                            + r.getString(3), key -> new Sums()).add(r, 4);
                }
            }
        }
        return written(groups);
    }

    /** A count and three sums, each null while it has added only nulls (as SQL's SUM). */
    private static final class Sums {
        long count;
        final BigDecimal[] sums = new BigDecimal[3];

        void add(ResultSet r, int first) throws SQLException {
            count++;
            for (int i = 0; i < 3; i++) {
                BigDecimal value = r.getBigDecimal(first + i);
                if (value != null) {
                    sums[i] = sums[i] == null ? value : sums[i].add(value);
                }
            }
        }

        @Override
        public String toString() {
            return count + "|" + plain(sums[0]) + "|" + plain(sums[1]) + "|" + plain(sums[2]);
        }
    }

    private static Map<String, String> written(Map<String, Sums> groups) {
        Map<String, String> written = new TreeMap<>();
        groups.forEach((key, sums) -> written.put(key, sums.toString()));
        return written;
    }

    /** Tally rows as "year|track|step-or-kind" → "count|sum|sum|sum". */
    private static Map<String, String> rows(Connection c, String sql) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.put(r.getInt(1) + "|" + r.getString(2) + "|" + r.getString(3), r.getLong(4) + "|"
                        + plain(r.getBigDecimal(5)) + "|" + plain(r.getBigDecimal(6)) + "|" + plain(r.getBigDecimal(7)));
            }
        }
        return rows;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
