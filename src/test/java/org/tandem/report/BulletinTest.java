package org.tandem.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;
import static org.tandem.support.CooperationRecords.step;
import static org.tandem.support.Numbers.numberEqualTo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.ProjectStatus;
import org.tandem.support.Api;
import org.tandem.support.CooperationRecords;
import org.tandem.support.Spreadsheets;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The annual bulletin of the shipped programme ZJ-MFG-2023 for 2023, with its 8 known pairs, assessed on the shipped
 * example scheme. It publishes that scheme and assesses the shipped pairs, so it runs on a database of its own.
 */
@QuarkusTest
@TestProfile(BulletinTest.OwnDatabase.class)
class BulletinTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String url = "jdbc:h2:mem:tandem-bulletin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
            return Map.of("%test.tandem.jdbc-url.h2", url, "tandem.jdbc-url.h2", url);
        }
    }

    static final String PROGRAM = "ZJ-MFG-2023";
    static final String BULLETIN = "/api/v1/programs/{code}/years/{year}/bulletin";

    @Inject
    CooperationRecords records;

    /** Every indicator of the example scheme, with the target each pair is given. */
    static final Map<String, Object> TARGETS = new LinkedHashMap<>();
    static {
        TARGETS.put("PROJECTS_SIGNED", 1);
        TARGETS.put("PROJECTS_IN_PRODUCTION", 1);
        TARGETS.put("EXPECTED_OUTPUT_IN_PRODUCTION", 1500000000);
        TARGETS.put("EXPECTED_TAX_IN_PRODUCTION", 100000000);
        TARGETS.put("CHAIN_DOCKING_MEETINGS", 1);
        TARGETS.put("SUPPLY_CONTRACTS_VALUE", 100);
        TARGETS.put("ENTERPRISES_RELOCATED", 10);
        TARGETS.put("TRANSFER_INVESTMENT_SIGNED", 200000000);
        TARGETS.put("INVESTMENT_LEADS_SHARED", 20);
        TARGETS.put("JOINT_PROMOTION_EVENTS", 1);
        TARGETS.put("ENTERPRISES_DIAGNOSED", 40);
        TARGETS.put("LEAN_BENCHMARK_PROJECTS", 1);
        TARGETS.put("CADRES_SECONDED", 1);
        TARGETS.put("TRAINING_PARTICIPANTS", 100);
        TARGETS.put("LAND_QUOTA_MU", 50);
        TARGETS.put("LAND_APPROVAL_DAYS", 30);
    }

    static void put(long pairing, String kind, Map<String, Object> values) {
        List<Map<String, Object>> items = new ArrayList<>();
        values.forEach((indicator, value) -> items.add(Map.of("indicator", indicator, "value", value)));
        api().body(Map.of("items", items)).put("/api/v1/pairings/{id}/years/2023/" + kind, pairing).then()
                .statusCode(200);
    }

    @Test
    void theBulletinOfTheShippedProgrammeIn2023OnTheExampleScheme() {
        List<Map<String, Object>> pairings = api().queryParam("program", PROGRAM).queryParam("size", 50)
                .get("/api/v1/pairings").then().statusCode(200).body("totalItems", equalTo(8)).extract().jsonPath()
                .getList("items");
        long yiwu = pairingOf(pairings, "330782");
        long nanhu = pairingOf(pairings, "330402");
        api().get(BULLETIN, PROGRAM, 2023).then().statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("/not-found"));

        // Yiwu–Liandu meets every target of the example scheme (100 points); Nanhu–Suichang reports part (32); the six
        // others have nothing recorded (0).
        records.project(yiwu, "PROJECT_COOP", new BigDecimal("1000000000"), new BigDecimal("1500000000"),
                new BigDecimal("100000000"), "2023-01-10", step(ProjectStatus.SIGNED, "2023-02-01"),
                step(ProjectStatus.UNDER_CONSTRUCTION, "2023-03-01"), step(ProjectStatus.IN_PRODUCTION, "2023-10-01"));
        records.project(yiwu, "ORDERLY_TRANSFER", new BigDecimal("200000000"), null, null, "2023-02-02",
                step(ProjectStatus.SIGNED, "2023-05-05"));
        records.activity(yiwu, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2023-04-01", 30, 10, null);
        records.activity(yiwu, "INVEST_INFO", ActivityKind.SIGNED_AGREEMENT, "2023-05-01", 8, 2,
                new BigDecimal("1000000000"));
        records.activity(yiwu, "DIGITAL_ASSIST", ActivityKind.ENTERPRISE_DIAGNOSIS, "2023-06-01", 5, 40, null);
        records.activity(yiwu, "FACTOR_RECIPROCITY", ActivityKind.CADRE_SECONDMENT, "2023-07-01", 2, null, null);
        records.activity(yiwu, "FACTOR_RECIPROCITY", ActivityKind.TRAINING, "2023-08-01", 100, null, null);
        for (Map<String, Object> pairing : pairings) {
            put(((Number) pairing.get("id")).longValue(), "targets", TARGETS);
        }
        Map<String, Object> reported = new LinkedHashMap<>(Map.of("SUPPLY_CONTRACTS_VALUE", 100,
                "ENTERPRISES_RELOCATED", 10, "INVESTMENT_LEADS_SHARED", 20, "LEAN_BENCHMARK_PROJECTS", 1,
                "LAND_QUOTA_MU", 50, "LAND_APPROVAL_DAYS", 30));
        put(yiwu, "actuals", reported);
        reported.put("SUPPLY_CONTRACTS_VALUE", 50);
        put(nanhu, "actuals", reported);

        long scheme = api().queryParam("program", PROGRAM).queryParam("year", 2023).get("/api/v1/scoring-schemes")
                .then().statusCode(200).extract().jsonPath().getLong("items.find { it.number == 1 }.id");
        api().post("/api/v1/scoring-schemes/{id}/publish", scheme).then().statusCode(200)
                .body("example", equalTo(true));
        String location = api().body(Map.of("program", PROGRAM, "year", 2023)).post("/api/v1/assessment-runs").then()
                .statusCode(202).extract().header("Location");
        for (int i = 0; i < 200 && "RUNNING".equals(api().get(location).then().extract().path("status")); i++) {
            sleep();
        }
        api().get(location).then().body("status", equalTo("SUCCEEDED"));

        JsonPath bulletin = api().get(BULLETIN, PROGRAM, 2023).then().statusCode(200)
                .body("program", equalTo(PROGRAM)).body("year", equalTo(2023)).body("asOf", notNullValue())
                .body("assessed", equalTo(8)).body("finalized", equalTo(0)).body("provisional", equalTo(true))
                .body("exampleScheme", equalTo(true)).body("schemes", hasSize(1))
                .body("schemes[0].example", equalTo(true)).body("schemes[0].passMark", numberEqualTo(60))
                .body("notices", hasItem(containsString("示例方案"))).body("notices", hasItem(containsString("未定稿")))
                .body("ranking", hasSize(8)).body("ranking.isFinal", everyItem(equalTo(false)))
                .body("ranking[0].pairing", equalTo((int) yiwu)).body("ranking[0].rank", equalTo(1))
                .body("ranking[0].total", numberEqualTo("100.0")).body("ranking[0].gradeLabel", equalTo("优秀"))
                .body("ranking[0].tracks", hasSize(6))
                .body("ranking[1].pairing", equalTo((int) nanhu)).body("ranking[1].total", numberEqualTo("32.0"))
                .body("ranking[2].rank", equalTo(3)).body("ranking[7].rank", equalTo(3))
                .body("ranking[7].total", numberEqualTo(0))
                .body("leaders", hasSize(6)).body("leaders.pairs.pairing", everyItem(hasItem((int) yiwu)))
                .body("leaders.find { it.track == 'PROJECT_COOP' }.points", numberEqualTo(25))
                .body("leaders.find { it.track == 'PROJECT_COOP' }.pairs", hasSize(1))
                .body("belowPassMark", hasSize(7)).body("belowPassMark[0].line.pairing", equalTo((int) nanhu))
                .body("belowPassMark.reasons", everyItem(hasSize(Bulletins.INDICATOR_REASONS)))
                .body("belowPassMark[0].reasons.kind", everyItem(equalTo("INDICATOR")))
                .body("belowPassMark[0].reasons[0].pointsLost", numberEqualTo(10))
                .body("belowPassMark[0].reasons[0].indicator", equalTo("EXPECTED_OUTPUT_IN_PRODUCTION"))
                .body("belowPassMark[0].reasons.detail", everyItem(not(equalTo(""))))
                .body("totals.assessments.assessed", equalTo(8)).body("totals.assessments.passed", equalTo(1))
                .body("totals.projects.find { it.status == 'SIGNED' }.projects", equalTo(2))
                .body("totals.projects.find { it.status == 'SIGNED' }.investment", numberEqualTo("1200000000"))
                .body("totals.activities.find { it.kind == 'TRAINING' }.participants", equalTo(100))
                .extract().jsonPath();
        // The totals are the programme summary's.
        assertEquals(api().queryParam("year", 2023).get("/api/v1/programs/{code}/summary", PROGRAM).then()
                .statusCode(200).extract().jsonPath().getMap("groups[0].years[0].projects[1]"),
                bulletin.getMap("totals.projects[1]"));
        // Every pair's track points add up to its total (no adjustments here).
        for (int i = 0; i < 8; i++) {
            BigDecimal sum = bulletin.getList("ranking[" + i + "].tracks.points", BigDecimal.class).stream()
                    .map(p -> new BigDecimal(p.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, sum.compareTo(new BigDecimal(bulletin.getString("ranking[" + i + "].total"))));
        }

        // The spreadsheet and the printable page mark the results as not final and the scheme as an example.
        List<List<String>> rows = Spreadsheets.csv(Api.raw().queryParam("format", "csv").get(BULLETIN, PROGRAM, 2023)
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("ZJ-MFG-2023_2023_bulletin.csv")).extract()
                .asByteArray());
        assertEquals(9, rows.size());
        int status = rows.get(0).indexOf("考核状态");
        int schemeColumn = rows.get(0).indexOf("评分方案");
        assertTrue(rows.get(0).contains("产业项目合作"), rows.get(0).toString());
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(status).startsWith("未定稿")
                && r.get(schemeColumn).equals("示例方案（非官方）")));
        Api.raw().queryParam("format", "xlsx").get(BULLETIN, PROGRAM, 2023).then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        String page = Api.raw().accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .get(BULLETIN + "/print", PROGRAM, 2023).then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        assertTrue(page.contains("2023年度考核通报（未定稿）"), page);
        // A client that asks for HTML and nothing else gets the page too; one that asks for JSON only, a 406.
        Api.raw().accept("text/html").get(BULLETIN + "/print", PROGRAM, 2023).then().statusCode(200)
                .contentType(startsWith("text/html"));
        Api.raw().accept("application/json").get(BULLETIN + "/print", PROGRAM, 2023).then().statusCode(406);
        assertTrue(page.contains("示例方案，非官方"));
        assertTrue(page.contains("义乌市—莲都区"));
        assertTrue(page.contains("未定稿（非最终）"));
        assertTrue(page.contains("产业项目合作"));

        // Once every assessment is finalized, the bulletin is final; the example scheme stays marked.
        for (Object id : bulletin.getList("ranking.assessment")) {
            api().post("/api/v1/assessments/{id}/finalize", id).then().statusCode(200);
        }
        api().get(BULLETIN, PROGRAM, 2023).then().statusCode(200).body("provisional", equalTo(false))
                .body("finalized", equalTo(8)).body("ranking.isFinal", everyItem(equalTo(true)))
                .body("notices", hasSize(1)).body("notices[0]", containsString("示例方案"));
        String finalPage = Api.raw().accept("text/html,*/*;q=0.8").get(BULLETIN + "/print", PROGRAM, 2023).then()
                .statusCode(200).extract().asString();
        assertTrue(!finalPage.contains("未定稿") && finalPage.contains("已定稿"));
    }

    @Test
    void aYearWithoutAssessmentsOrAnUnknownProgrammeIs404() {
        api().get(BULLETIN, PROGRAM, 2025).then().statusCode(404).contentType("application/problem+json");
        api().get(BULLETIN, "NO-SUCH-PROGRAM", 2023).then().statusCode(404);
        api().get(BULLETIN, PROGRAM, 2030).then().statusCode(400).body("errors[0].field", equalTo("year"));
        Api.raw().accept("text/html,*/*;q=0.8").get(BULLETIN + "/print", PROGRAM, 2025).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static long pairingOf(List<Map<String, Object>> pairings, String industrial) {
        return pairings.stream().filter(p -> ((Map<?, ?>) p.get("industrialCounty")).get("code").equals(industrial))
                .map(p -> ((Number) p.get("id")).longValue()).findFirst().orElseThrow();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
