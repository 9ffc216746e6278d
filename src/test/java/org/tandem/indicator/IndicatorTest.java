package org.tandem.indicator;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IndicatorTest {

    static String newCode() {
        return ("IND_" + Fixtures.uniqueCode("X")).replace('-', '_');
    }

    static Map<String, Object> reported(String code, String track) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("track", track);
        body.put("nameZh", "测试指标");
        body.put("nameEn", "Test indicator");
        body.put("unit", "个");
        body.put("source", "REPORTED");
        return body;
    }

    static Map<String, Object> derived(String code, String track, Map<String, Object> derivation) {
        Map<String, Object> body = reported(code, track);
        body.put("source", "DERIVED");
        body.put("derivation", derivation);
        return body;
    }

    @Test
    void theDefaultCatalogueHasAtLeastTwoIndicatorsPerTrack() {
        List<Map<String, Object>> items = api().queryParam("size", 500).queryParam("active", true)
                .get("/api/v1/indicators").then().statusCode(200).extract().jsonPath().getList("items");
        Map<Object, Long> perTrack = items.stream().collect(Collectors.groupingBy(i -> i.get("track"),
                Collectors.counting()));
        for (String track : List.of("PROJECT_COOP", "CHAIN_COLLAB", "ORDERLY_TRANSFER", "INVEST_INFO",
                "DIGITAL_ASSIST", "FACTOR_RECIPROCITY")) {
            assertTrue(perTrack.getOrDefault(track, 0L) >= 2, track + " has " + perTrack.get(track));
        }
        api().get("/api/v1/indicators/EXPECTED_OUTPUT_IN_PRODUCTION").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue()).body("unit", equalTo("CNY"))
                .body("source", equalTo("DERIVED"))
                .body("derivation.from", equalTo("PROJECT")).body("derivation.aggregate", equalTo("SUM"))
                .body("derivation.measure", equalTo("EXPECTED_ANNUAL_OUTPUT"))
                .body("derivation.projectStatus", equalTo("IN_PRODUCTION"))
                .body("derivation.anyTrack", equalTo(false));
        api().queryParam("track", "DIGITAL_ASSIST").queryParam("source", "REPORTED").get("/api/v1/indicators")
                .then().statusCode(200).body("items.code", hasItem("LEAN_BENCHMARK_PROJECTS"))
                .body("items.source", everyItem(equalTo("REPORTED")))
                .body("items.track", everyItem(equalTo("DIGITAL_ASSIST")));
        api().queryParam("track", "INVEST_INFO").get("/api/v1/indicators").then().statusCode(200)
                .body("items.code", hasItems("INVESTMENT_LEADS_SHARED", "JOINT_PROMOTION_EVENTS"));
        api().get("/api/v1/indicators/LAND_APPROVAL_DAYS").then().body("direction", equalTo("LOWER_IS_BETTER"));
    }

    @Test
    void createsAndReplacesAnIndicatorWithETags() {
        String code = newCode();
        String etag = api().body(derived(code, "CHAIN_COLLAB", Map.of("from", "ACTIVITY", "aggregate", "SUM",
                "measure", "AMOUNT", "activityKinds", List.of("SIGNED_AGREEMENT", "SIGNED_AGREEMENT"))))
                .post("/api/v1/indicators").then().statusCode(201)
                .header("Location", endsWith("/api/v1/indicators/" + code))
                .header("ETag", org.hamcrest.Matchers.notNullValue()).body("direction", equalTo("HIGHER_IS_BETTER"))
                .body("active", equalTo(true)).body("derivation.anyTrack", equalTo(false))
                .body("derivation.activityKinds", equalTo(List.of("SIGNED_AGREEMENT"))).extract().header("ETag");
        Map<String, Object> body = reported(code, "CHAIN_COLLAB");
        body.put("unit", "CNY");
        body.put("active", false);
        String replaced = api().header("If-Match", etag).body(body).put("/api/v1/indicators/{code}", code).then()
                .statusCode(200).header("ETag", org.hamcrest.Matchers.not(equalTo(etag))).body("source", equalTo("REPORTED"))
                .body("active", equalTo(false))
                .body("unit", equalTo("CNY")).extract().header("ETag");
        api().get("/api/v1/indicators/{code}", code).then().header("ETag", replaced);
        api().header("If-Match", etag).body(body).put("/api/v1/indicators/{code}", code).then().statusCode(412);
        api().body(body).post("/api/v1/indicators").then().statusCode(409).body("type", equalTo("/problems/duplicate-code"));
        body.put("code", "OTHER_CODE");
        api().body(body).put("/api/v1/indicators/{code}", code).then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        api().queryParam("active", false).queryParam("size", 500).get("/api/v1/indicators").then()
                .body("items.code", hasItem(code));
        api().get("/api/v1/indicators/NO_SUCH_INDICATOR").then().statusCode(404);
    }

    @Test
    void derivationsMustFitTheirRecords() {
        String code = newCode();
        expectInvalid(derived(code, "PROJECT_COOP", Map.of("from", "PROJECT", "aggregate", "SUM",
                "projectStatus", "SIGNED")), "derivation.measure");
        expectInvalid(derived(code, "PROJECT_COOP", Map.of("from", "PROJECT", "aggregate", "SUM", "measure",
                "ENTERPRISES", "projectStatus", "SIGNED")), "derivation.measure");
        expectInvalid(derived(code, "PROJECT_COOP", Map.of("from", "PROJECT", "aggregate", "COUNT", "measure",
                "INVESTMENT", "projectStatus", "SIGNED")), "derivation.measure");
        expectInvalid(derived(code, "PROJECT_COOP", Map.of("from", "PROJECT", "aggregate", "COUNT")),
                "derivation.projectStatus");
        expectInvalid(derived(code, "TRAINING", Map.of("from", "ACTIVITY", "aggregate", "COUNT")), "track");
        expectInvalid(derived(code, "DIGITAL_ASSIST", Map.of("from", "ACTIVITY", "aggregate", "COUNT",
                "projectStatus", "SIGNED")), "derivation.projectStatus");
        expectInvalid(derived(code, "DIGITAL_ASSIST", Map.of("from", "PROJECT", "aggregate", "COUNT",
                "projectStatus", "SIGNED", "activityKinds", List.of("TRAINING"))), "derivation.activityKinds");
        expectInvalid(derived(code, "DIGITAL_ASSIST", Map.of("aggregate", "COUNT")), "derivation.from");
        Map<String, Object> noDerivation = reported(code, "DIGITAL_ASSIST");
        noDerivation.put("source", "DERIVED");
        expectInvalid(noDerivation, "derivation");
        Map<String, Object> reportedWithDerivation = reported(code, "DIGITAL_ASSIST");
        reportedWithDerivation.put("derivation", Map.of("from", "ACTIVITY", "aggregate", "COUNT"));
        expectInvalid(reportedWithDerivation, "derivation");
        api().body(derived(code, "DIGITAL_ASSIST", Map.of("from", "ACTIVITY", "aggregate", "COUNT",
                "activityKinds", List.of("NO_SUCH_KIND")))).post("/api/v1/indicators").then().statusCode(400);
        api().get("/api/v1/indicators/{code}", code).then().statusCode(404);
    }

    private static void expectInvalid(Map<String, Object> body, String field) {
        api().body(body).post("/api/v1/indicators").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void theSourceCanSwitchOnlyWhileNoActualsExist() {
        String code = newCode();
        api().body(reported(code, "DIGITAL_ASSIST")).post("/api/v1/indicators").then().statusCode(201);
        Map<String, Object> toDerived = derived(code, "DIGITAL_ASSIST", Map.of("from", "ACTIVITY", "aggregate",
                "COUNT", "activityKinds", List.of("ENTERPRISE_DIAGNOSIS")));
        api().body(toDerived).put("/api/v1/indicators/{code}", code).then().statusCode(200)
                .body("source", equalTo("DERIVED"));
        api().body(reported(code, "DIGITAL_ASSIST")).put("/api/v1/indicators/{code}", code).then().statusCode(200)
                .body("source", equalTo("REPORTED"));
        long pairing = Fixtures.yiwuLiandu();
        api().body(Map.of("items", List.of(Map.of("indicator", code, "value", 3))))
                .put("/api/v1/pairings/{id}/years/2024/actuals", pairing).then().statusCode(200);
        api().body(toDerived).put("/api/v1/indicators/{code}", code).then().statusCode(409)
                .body("type", equalTo("/problems/indicator-has-actuals"));
        api().get("/api/v1/indicators/{code}", code).then().body("source", equalTo("REPORTED"));
    }
}
