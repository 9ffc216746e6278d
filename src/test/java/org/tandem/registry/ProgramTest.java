package org.tandem.registry;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.CHUNAN;
import static org.tandem.support.Fixtures.HANGZHOU_GONGSHU;
import static org.tandem.support.Fixtures.HANGZHOU_SHANGCHENG;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.YIWU;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.assessment.AnnualAssessmentTest;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProgramTest {

    private static Map<String, Object> program(String code, String name) {
        return Map.of("code", code, "name", name, "startYear", 2023, "endYear", 2025, "annualBudget", 1.8e9);
    }

    @Test
    void createsReadsUpdatesAndDeletesWithChineseIntact() {
        String code = Fixtures.uniqueCode("P");
        String created = api().body(program(code, "山海协作结对 “共富”")).post("/api/v1/programs").then()
                .statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/programs/" + code))
                .header("ETag", org.hamcrest.Matchers.notNullValue()).body("name", equalTo("山海协作结对 “共富”"))
                .body("annualBudget", comparesEqualTo(new BigDecimal("1800000000"))).extract().header("ETag");
        String updated = api().body(Map.of("name", "改名", "startYear", 2024, "endYear", 2026, "annualBudget", 12.5))
                .put("/api/v1/programs/{code}", code).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(equalTo(created))).extract().header("ETag");
        api().get("/api/v1/programs/{code}", code).then().statusCode(200).header("ETag", updated)
                .body("name", equalTo("改名"))
                .body("startYear", equalTo(2024)).body("annualBudget", comparesEqualTo(new BigDecimal("12.50")));
        api().queryParam("size", 500).get("/api/v1/programs").then().statusCode(200)
                .body("items.code", hasItem(code));
        api().delete("/api/v1/programs/{code}", code).then().statusCode(204);
        api().get("/api/v1/programs/{code}", code).then().statusCode(404);
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String code = Fixtures.uniqueCode("P");
        String etag = api().body(program(code, "甲")).post("/api/v1/programs").then().statusCode(201).extract()
                .header("ETag");
        api().header("If-Match", etag).body(program(code, "乙")).put("/api/v1/programs/{code}", code).then()
                .statusCode(200);
        api().header("If-Match", etag).body(program(code, "丙")).put("/api/v1/programs/{code}", code).then()
                .statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("/problems/stale-version"));
        api().header("If-Match", etag).delete("/api/v1/programs/{code}", code).then().statusCode(412);
        api().get("/api/v1/programs/{code}", code).then().statusCode(200).body("name", equalTo("乙"));
    }

    @Test
    void refusesDuplicateCodesBadYearsAndCodeChanges() {
        String code = Fixtures.uniqueCode("P");
        api().body(program(code, "甲")).post("/api/v1/programs").then().statusCode(201);
        api().body(program(code, "乙")).post("/api/v1/programs").then().statusCode(409)
                .body("type", equalTo("/problems/duplicate-code"));
        api().body(Map.of("code", Fixtures.uniqueCode("P"), "name", "x", "startYear", 2025, "endYear", 2023))
                .post("/api/v1/programs").then().statusCode(400).body("errors[0].field", equalTo("endYear"));
        api().body(Map.of("code", "lower case", "name", "", "startYear", 1999, "endYear", 2023))
                .post("/api/v1/programs").then().statusCode(400)
                .body("errors.field", contains("code", "name", "startYear"));
        api().body(program("OTHER-CODE", "乙")).put("/api/v1/programs/{code}", code).then().statusCode(409)
                .body("type", equalTo("/problems/code-immutable"));
        api().get("/api/v1/programs/{code}", code).then().body("name", equalTo("甲"));
    }

    @Test
    void aProgramWithPairingsCannotBeDeleted() {
        String code = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        Fixtures.pairing(code, YIWU, LIANDU);
        api().delete("/api/v1/programs/{code}", code).then().statusCode(409)
                .body("type", equalTo("/problems/program-has-pairings"));
        api().get("/api/v1/programs/{code}", code).then().statusCode(200);
    }

    /** A programme's own data other than pairings (here a scoring scheme) keeps it too: 409, not a failed commit. */
    @Test
    void aProgramWithAScoringSchemeCannotBeDeleted() {
        String code = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        AnnualAssessmentTest.publishedScheme(code, 2024);
        api().delete("/api/v1/programs/{code}", code).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/referenced"));
        api().get("/api/v1/programs/{code}", code).then().statusCode(200);
        api().queryParam("program", code).get("/api/v1/scoring-schemes").then().statusCode(200)
                .body("totalItems", equalTo(1));
    }

    @Test
    void designatedCountiesAreReplacedWhole() {
        String code = Fixtures.program(List.of(HANGZHOU_SHANGCHENG), List.of(LIANDU));
        api().body(Map.of("industrial", List.of(YIWU, HANGZHOU_GONGSHU), "mountain", List.of(CHUNAN, LIANDU)))
                .put("/api/v1/programs/{code}/counties", code).then().statusCode(200)
                .body("industrial.code", contains(HANGZHOU_GONGSHU, YIWU))
                .body("industrial.name", contains("拱墅区", "义乌市")).body("mountain.code", contains(CHUNAN, LIANDU));
        api().get("/api/v1/programs/{code}/counties", code).then().statusCode(200)
                .body("industrial.code", not(hasItem(HANGZHOU_SHANGCHENG)));
    }

    @Test
    void designationsRefuseUnknownDoubleAndPairedCounties() {
        String code = Fixtures.program(List.of(YIWU), List.of(LIANDU, CHUNAN));
        api().body(Map.of("industrial", List.of(YIWU, "999999"), "mountain", List.of(LIANDU)))
                .put("/api/v1/programs/{code}/counties", code).then().statusCode(400)
                .body("detail", equalTo("counties: no such county: 999999"));
        api().body(Map.of("industrial", List.of(YIWU), "mountain", List.of(YIWU)))
                .put("/api/v1/programs/{code}/counties", code).then().statusCode(400);
        api().body(Map.of("industrial", List.of(YIWU), "mountain", List.of("12")))
                .put("/api/v1/programs/{code}/counties", code).then().statusCode(400)
                .body("errors[0].field", equalTo("mountain[0]"));
        Fixtures.pairing(code, YIWU, LIANDU);
        api().body(Map.of("industrial", List.of(YIWU), "mountain", List.of(CHUNAN)))
                .put("/api/v1/programs/{code}/counties", code).then().statusCode(409)
                .body("type", equalTo("/problems/county-in-pairing"));
        api().get("/api/v1/programs/{code}/counties", code).then().body("mountain.code", contains(CHUNAN, LIANDU));
    }
}
