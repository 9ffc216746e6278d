package org.tandem.cooperation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.CHUNAN;
import static org.tandem.support.Fixtures.HANGZHOU_GONGSHU;
import static org.tandem.support.Fixtures.HANGZHOU_XIHU;
import static org.tandem.support.Fixtures.JINGNING;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tandem.reliability.ConcurrencyTest;
import org.tandem.support.Fixtures;
import org.tandem.support.StoredProjectCounts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The total of the projects list filtered by year, read from the stored counts (V33) when the page does not tell
 * it, is the number of matching projects after every kind of write, and after many writers of one programme at
 * once; the stored counts stay a grouping of {@code project_year} throughout. Pages of one item, so that every
 * total is read from the store and none from the page.
 */
@QuarkusTest
class ProjectCountTest {

    private static final List<String> TRACKS = List.of("PROJECT_COOP", "CHAIN_COLLAB");
    private static final List<String> STATUSES = List.of("PLANNED", "SIGNED", "IN_PRODUCTION", "CANCELLED");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theTotalFollowsEveryKindOfWrite() throws Exception {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long a = Fixtures.pairing(program, YIWU, LIANDU);
        long b = Fixtures.pairing(program, NANHU, SUICHANG);
        long one = ProjectTest.create(a, project("PROJECT_COOP", "2023-06-01", LIANDU));
        long two = ProjectTest.create(a, project("PROJECT_COOP", "2023-07-01", LIANDU));
        long three = ProjectTest.create(b, project("CHAIN_COLLAB", "2024-01-10", SUICHANG));
        assertEquals(2, total(program, 2023, Map.of("track", "PROJECT_COOP", "status", "PLANNED")));
        assertTotals(program);

        ProjectTest.move(one, "SIGNED", "2023-09-01");
        assertEquals(1, total(program, 2023, Map.of("track", "PROJECT_COOP", "status", "PLANNED")));
        assertEquals(1, total(program, 2023, Map.of("status", "SIGNED")));
        assertTotals(program);

        // A step in a later year: the project is in both years, with its status now.
        ProjectTest.move(two, "IN_PRODUCTION", "2024-02-01");
        assertEquals(1, total(program, 2024, Map.of("status", "IN_PRODUCTION")));
        assertEquals(2, total(program, 2024, Map.of()));
        assertTotals(program);

        // Another track and another year.
        String tag = api().get("/api/v1/projects/{id}", three).then().extract().header("ETag");
        api().header("If-Match", tag).body(project("PROJECT_COOP", "2025-01-01", SUICHANG))
                .put("/api/v1/projects/{id}", three).then().statusCode(200);
        assertEquals(1, total(program, 2024, Map.of()));
        assertEquals(1, total(program, 2025, Map.of("track", "PROJECT_COOP")));
        assertTotals(program);

        ProjectTest.move(one, "CANCELLED", "2024-03-01");
        assertEquals(2, total(program, 2024, Map.of()));
        assertEquals(1, total(program, 2023, Map.of("status", "CANCELLED")));
        assertTotals(program);

        api().delete("/api/v1/projects/{id}", two).then().statusCode(204);
        assertEquals(1, total(program, 2023, Map.of()));
        assertEquals(0, total(program, 2023, Map.of("status", "PLANNED")));
        assertTotals(program);
    }

    @Test
    void manyWritersOfOneProgrammeAtOnceAreAllCounted() throws Exception {
        String program = Fixtures.program(List.of(YIWU, NANHU, HANGZHOU_XIHU, HANGZHOU_GONGSHU),
                List.of(LIANDU, SUICHANG, JINGNING, CHUNAN));
        Map<Long, String> hosts = Map.of(Fixtures.pairing(program, YIWU, LIANDU), LIANDU,
                Fixtures.pairing(program, NANHU, SUICHANG), SUICHANG,
                Fixtures.pairing(program, HANGZHOU_XIHU, JINGNING), JINGNING,
                Fixtures.pairing(program, HANGZHOU_GONGSHU, CHUNAN), CHUNAN);
        // Every writer's first project of the programme falls in one key no row has yet.
        List<Callable<Long>> creates = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            long pairing = new ArrayList<>(hosts.keySet()).get(i % 4);
            Map<String, Object> body = project("PROJECT_COOP", String.format("2024-03-%02d", i + 1), hosts.get(pairing));
            creates.add(() -> ProjectTest.create(pairing, body));
        }
        List<Long> projects = ConcurrencyTest.atOnce(creates);
        assertEquals(16, total(program, 2024, Map.of("track", "PROJECT_COOP", "status", "PLANNED")));

        List<Callable<Integer>> moves = new ArrayList<>();
        for (long project : projects) {
            moves.add(() -> api().body(Map.of("to", "SIGNED", "on", "2024-06-01"))
                    .post("/api/v1/projects/{id}/transitions", project).statusCode());
        }
        assertEquals(Collections.nCopies(16, 200), ConcurrencyTest.atOnce(moves));
        assertEquals(16, total(program, 2024, Map.of("track", "PROJECT_COOP", "status", "SIGNED")));
        assertEquals(0, total(program, 2024, Map.of("status", "PLANNED")));
        assertTotals(program);
    }

    /**
     * For each year and each filter the stored counts serve, the list's total is the number of matching rows of
     * {@code project_year} counted here, in this programme (and, for two filters, across all); and the stored
     * counts are a grouping of those rows.
     */
    private void assertTotals(String program) throws Exception {
        for (int year = 2023; year <= 2025; year++) {
            List<Map<String, Object>> filters = new ArrayList<>(List.of(Map.of()));
            for (String track : TRACKS) {
                filters.add(Map.of("track", track));
                STATUSES.forEach(status -> filters.add(Map.of("track", track, "status", status)));
            }
            STATUSES.forEach(status -> filters.add(Map.of("status", status)));
            for (Map<String, Object> filter : filters) {
                assertEquals(counted(program, year, filter), total(program, year, filter), year + " " + filter);
            }
            for (Map<String, Object> filter : List.<Map<String, Object>> of(Map.of(), Map.of("status", "SIGNED"))) {
                assertEquals(counted(null, year, filter), total(null, year, filter), "every programme, " + year
                        + " " + filter);
            }
        }
        StoredProjectCounts.assertStoredCountsMatchProjectYears();
    }

    /** The list's total, from a page of one. */
    private static int total(String program, int year, Map<String, Object> filters) {
        var request = api().queryParam("year", year).queryParams(filters).queryParam("size", 1);
        if (program != null) {
            request.queryParam("program", program);
        }
        return request.get("/api/v1/projects").then().statusCode(200).extract().path("totalItems");
    }

    /** The rows of {@code project_year} that match, counted. */
    private int counted(String program, int year, Map<String, Object> filters) throws Exception {
        String sql = "select count(*) from project_year y join program g on g.id = y.program_id"
                + " where y.calendar_year = ? and (? is null or g.code = ?) and (? is null or y.track_code = ?)"
                + " and (? is null or y.status = ?)";
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            s.setInt(1, year);
            for (int i = 0; i < 3; i++) {
                Object value = i == 0 ? program : filters.get(i == 1 ? "track" : "status");
                s.setString(2 + 2 * i, (String) value);
                s.setString(3 + 2 * i, (String) value);
            }
            try (var r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static Map<String, Object> project(String track, String plannedOn, String host) {
        Map<String, Object> body = new HashMap<>(ProjectTest.huanlong());
        body.put("track", track);
        body.put("plannedOn", plannedOn);
        body.put("hostCounty", host);
        return body;
    }
}
