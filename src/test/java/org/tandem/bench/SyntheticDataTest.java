package org.tandem.bench;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.tandem.support.Api.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.support.StoredProjectCounts;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The benchmark data generator, run at start-up with a tiny N on a database of its own (its synthetic
 * counties would change the other tests' county counts), so it cannot rot silently.
 */
@QuarkusTest
@TestProfile(SyntheticDataTest.FivePairings.class)
class SyntheticDataTest {

    public static class FivePairings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String url = "jdbc:h2:mem:tandem-synthetic;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
            return Map.of("tandem.generate.pairings", "5", "tandem.generate.years", "2",
                    "%test.tandem.jdbc-url.h2", url, "tandem.jdbc-url.h2", url);
        }
    }

    @Test
    void generatesAProgrammeThatCanBeReadAndAssessed() {
        api().queryParam("program", "SYN-5").get("/api/v1/pairings").then().statusCode(200)
                .body("totalItems", equalTo(5)).body("items.industrialCounty.code", everyItem(startsWith("9")))
                .body("items.mountainCounty.name", everyItem(startsWith("合成县")));
        // A page of one tells the total: the programme's stored count, which the generator writes.
        long pairing = api().queryParam("program", "SYN-5").queryParam("size", 1).get("/api/v1/pairings").then()
                .body("totalItems", equalTo(5)).extract().jsonPath().getLong("items[0].id");
        // 25 projects per pair-year, 2 years, 5 pairings
        api().queryParam("program", "SYN-5").queryParam("size", 1).get("/api/v1/projects").then().statusCode(200)
                .body("totalItems", equalTo(250));
        api().get("/api/v1/pairings/{id}/activities?size=1", pairing).then().statusCode(200)
                .body("totalItems", equalTo(200));
        api().get("/api/v1/pairings/{id}/years/2024/progress", pairing).then().statusCode(200)
                .body("indicators.target", everyItem(notNullValue()));
        api().queryParam("program", "SYN-5").queryParam("year", 2024).get("/api/v1/scoring-schemes").then()
                .statusCode(200).body("items[0].status", equalTo("PUBLISHED"));

        String location = api().body(Map.of("program", "SYN-5", "year", 2024)).post("/api/v1/assessment-runs")
                .then().statusCode(202).extract().header("Location");
        JsonPath run = null;
        for (int i = 0; i < 200 && (run == null || run.getString("status").equals("RUNNING")); i++) {
            sleep();
            run = api().get(location).then().statusCode(200).extract().jsonPath();
        }
        assertEquals("SUCCEEDED", run.getString("status"));
        assertEquals(5, run.getInt("pairingsAssessed"));
        api().queryParam("program", "SYN-5").queryParam("year", 2024).get("/api/v1/assessments").then()
                .statusCode(200).body("totalItems", equalTo(5))
                .body("items.rank", org.hamcrest.Matchers.contains(1, 2, 3, 4, 5));
    }

    @Test
    void theGeneratedProjectsAreFilteredByYearAsTheirStepDatesSay() {
        JsonPath all = api().queryParam("program", "SYN-5").queryParam("size", 500).get("/api/v1/projects").then()
                .statusCode(200).body("totalItems", equalTo(250)).extract().jsonPath();
        List<Map<String, Object>> projects = all.getList("items");
        for (int year : new int[] { 2023, 2024, 2025 }) {
            for (String status : new String[] { null, "IN_PRODUCTION", "PLANNED" }) {
                String prefix = Integer.toString(year);
                List<Integer> expected = projects.stream()
                        .filter(p -> status == null || status.equals(p.get("status")))
                        .filter(p -> "PROJECT_COOP".equals(p.get("track")))
                        .filter(p -> java.util.stream.Stream.of("plannedOn", "signedOn", "constructionStartedOn",
                                "productionStartedOn", "cancelledOn").map(p::get)
                                .anyMatch(date -> date != null && ((String) date).startsWith(prefix)))
                        .map(p -> (Integer) p.get("id")).sorted().toList();
                var request = api().queryParam("program", "SYN-5").queryParam("track", "PROJECT_COOP")
                        .queryParam("year", year).queryParam("size", 500);
                if (status != null) {
                    request.queryParam("status", status);
                }
                List<Integer> listed = request.get("/api/v1/projects").then().statusCode(200)
                        .body("totalItems", equalTo(expected.size())).extract().jsonPath().getList("items.id");
                assertEquals(expected, listed, year + " " + status);
                if (year < 2025) {
                    assertTrue(!expected.isEmpty(), "generated projects of " + year);
                }
            }
        }
        // Written past the service, and counted by programme, year, track and status in one statement.
        StoredProjectCounts.assertStoredCountsMatchProjectYears();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
