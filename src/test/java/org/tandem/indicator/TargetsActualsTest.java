package org.tandem.indicator;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.tandem.support.Api.api;
import static org.tandem.support.Api.raw;
import static org.tandem.support.Numbers.numberEqualTo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TargetsActualsTest {

    static final String LEAN = "LEAN_BENCHMARK_PROJECTS";
    static final String LEADS = "INVESTMENT_LEADS_SHARED";

    static Map<String, Object> item(String indicator, Object value) {
        Map<String, Object> item = new HashMap<>();
        item.put("indicator", indicator);
        item.put("value", value);
        return item;
    }

    static Map<String, Object> bulk(String reason, Map<?, ?>... items) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", new ArrayList<>(List.of(items)));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    @Test
    void aBulkWithOneBadItemChangesNothing() {
        long pairing = Fixtures.yiwuLiandu();
        String targets = "/api/v1/pairings/" + pairing + "/years/2024/targets";
        api().body(bulk(null, item(LEAN, 10), item("PROJECTS_IN_PRODUCTION", 1))).put(targets).then()
                .statusCode(200).body("items", hasSize(2)).body("pairing", numberEqualTo(pairing))
                .body("items.find { it.indicator == 'LEAN_BENCHMARK_PROJECTS' }.value", numberEqualTo(10));

        api().body(bulk(null, item(LEAN, 12), item("NO_SUCH_INDICATOR", 1))).put(targets).then().statusCode(400)
                .contentType("application/problem+json").body("errors", hasSize(1))
                .body("errors[0].field", equalTo("items[1].indicator"));
        api().body(bulk(null, item(LEAN, 12), item(LEADS, -1))).put(targets).then().statusCode(400)
                .body("errors[0].field", equalTo("items[1].value"));
        api().body(bulk(null, item(LEAN, 12), item(LEADS, new BigDecimal("1.23456")))).put(targets).then()
                .statusCode(400).body("errors[0].field", equalTo("items[1].value"));
        api().body(bulk(null, item(LEAN, 12), item(LEAN, 13))).put(targets).then().statusCode(400)
                .body("errors[0].field", equalTo("items[1].indicator"));
        api().body(bulk(null, item(LEAN, 12), item(null, 13))).put(targets).then().statusCode(400)
                .body("errors[0].field", equalTo("items[1].indicator"));
        api().body(Map.of("items", List.of(Map.of("indicator", LEAN, "value", "ten")))).put(targets).then()
                .statusCode(400);

        api().get(targets).then().statusCode(200).body("items", hasSize(2))
                .body("items.find { it.indicator == 'LEAN_BENCHMARK_PROJECTS' }.value", numberEqualTo(10));
        api().get("/api/v1/pairings/{id}/years/2024/history", pairing).then().body("totalItems", equalTo(2));
    }

    @Test
    void yearsOutsideTheProgramAndUnknownPairingsAreRefused() {
        long pairing = Fixtures.yiwuLiandu();
        api().body(bulk(null, item(LEAN, 10))).put("/api/v1/pairings/{id}/years/2022/targets", pairing).then()
                .statusCode(400).body("errors[0].field", equalTo("year"));
        api().body(bulk(null, item(LEAN, 10))).put("/api/v1/pairings/{id}/years/2026/actuals", pairing).then()
                .statusCode(400).body("errors[0].field", equalTo("year"));
        api().get("/api/v1/pairings/{id}/years/2026/progress", pairing).then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        api().get("/api/v1/pairings/{id}/years/2024/targets", Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void aDerivedIndicatorTakesNoActualButMayHaveATarget() {
        long pairing = Fixtures.yiwuLiandu();
        api().body(bulk(null, item(LEAN, 3), item("PROJECTS_IN_PRODUCTION", 1)))
                .put("/api/v1/pairings/{id}/years/2024/actuals", pairing).then().statusCode(400)
                .body("errors[0].field", equalTo("items[1].indicator"));
        api().get("/api/v1/pairings/{id}/years/2024/actuals", pairing).then().statusCode(200)
                .body("items", hasSize(0)).body("state", equalTo("DRAFT"))
                .header("ETag", org.hamcrest.Matchers.notNullValue());
        api().body(bulk(null, item("PROJECTS_IN_PRODUCTION", 1)))
                .put("/api/v1/pairings/{id}/years/2024/targets", pairing).then().statusCode(200);
    }

    @Test
    void submittedActualsAreLockedUntilReturnedAndLaterChangesNeedAReason() {
        long pairing = Fixtures.yiwuLiandu();
        String liandu = Fixtures.user("county-editor", Fixtures.LIANDU);
        String reviewer = Fixtures.user("assessor", null);
        String actuals = "/api/v1/pairings/" + pairing + "/years/2024/actuals";
        Api.as(liandu, Fixtures.PASSWORD).body(bulk(null, item(LEAN, 8), item(LEADS, 25))).put(actuals)
                .then().statusCode(200).body("state", equalTo("DRAFT")).body("items", hasSize(2));
        Api.as(liandu, Fixtures.PASSWORD).post(actuals + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("everSubmitted", equalTo(true));

        api().body(bulk("typo", item(LEAN, 10))).put(actuals).then().statusCode(409)
                .body("type", equalTo("/problems/actuals-locked"));
        api().body(Map.of()).post(actuals + "/return").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        Api.as(reviewer, Fixtures.PASSWORD).body(Map.of("comment", "标杆项目数与台账不符"))
                .post(actuals + "/return").then().statusCode(200).body("state", equalTo("DRAFT"));

        api().body(bulk(null, item(LEAN, 10))).put(actuals).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        Api.as(liandu, Fixtures.PASSWORD).body(bulk("按台账更正为10个", item(LEAN, 10))).put(actuals).then()
                .statusCode(200).body("items.find { it.indicator == 'LEAN_BENCHMARK_PROJECTS' }.value",
                        numberEqualTo(10));

        api().queryParam("indicator", LEAN).queryParam("kind", "ACTUAL")
                .get("/api/v1/pairings/{id}/years/2024/history", pairing).then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].action", equalTo("SET"))
                .body("items[0].oldValue", numberEqualTo(8))
                .body("items[0].newValue", numberEqualTo(10))
                .body("items[0].actor", equalTo(liandu))
                .body("items[0].reason", equalTo("按台账更正为10个"))
                .body("items[1].oldValue", nullValue())
                .body("items[1].newValue", numberEqualTo(8))
                .body("items[1].reason", nullValue());
        api().queryParam("kind", "WORKFLOW").get("/api/v1/pairings/{id}/years/2024/history", pairing).then()
                .body("items.action", equalTo(List.of("RETURN", "SUBMIT")))
                .body("items[0].actor", equalTo(reviewer))
                .body("items[0].reason", equalTo("标杆项目数与台账不符"))
                .body("items[0].fromState", equalTo("SUBMITTED")).body("items[0].toState", equalTo("DRAFT"));

        // Targets changed after a submission need a reason too.
        api().body(bulk(null, item(LEAN, 12))).put("/api/v1/pairings/{id}/years/2024/targets", pairing).then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
    }

    @Test
    void theWorkflowRefusesIllegalMoves() {
        long pairing = Fixtures.yiwuLiandu();
        String actuals = "/api/v1/pairings/" + pairing + "/years/2025/actuals";
        api().post(actuals + "/approve").then().statusCode(409)
                .body("type", equalTo("/problems/approve-requires-submitted"));
        api().body(Map.of("comment", "x")).post(actuals + "/return").then().statusCode(409)
                .body("type", equalTo("/problems/return-requires-submitted"));
        api().post(actuals + "/submit").then().statusCode(200);
        api().post(actuals + "/submit").then().statusCode(409).body("type", equalTo("/problems/submit-requires-draft"));
        api().body(Map.of("comment", "核对无误")).post(actuals + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED"));
        api().body(bulk("late", item(LEAN, 1))).put(actuals).then().statusCode(409);
        api().get(actuals).then().body("state", equalTo("APPROVED"));
        raw().contentType("application/json").post(actuals + "/publish").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aNullValueRemovesAndStaleETagsAreRefused() {
        long pairing = Fixtures.yiwuLiandu();
        String targets = "/api/v1/pairings/" + pairing + "/years/2023/targets";
        String etag = api().get(targets).then().statusCode(200).extract().header("ETag");
        String next = api().header("If-Match", etag).body(bulk(null, item(LEAN, 5), item(LEADS, 30))).put(targets)
                .then().statusCode(200).extract().header("ETag");
        api().header("If-Match", etag).body(bulk(null, item(LEAN, 6))).put(targets).then().statusCode(412);
        api().header("If-Match", next).body(bulk(null, item(LEAN, null))).put(targets).then().statusCode(200)
                .body("items.indicator", equalTo(List.of(LEADS)));
        api().queryParam("indicator", LEAN).get("/api/v1/pairings/{id}/years/2023/history", pairing).then()
                .body("items[0].action", equalTo("REMOVE")).body("items[0].kind", equalTo("TARGET"))
                .body("items[0].oldValue", numberEqualTo(5))
                .body("items[0].actor", equalTo("admin"));
        // Removing what is not there, or setting the same value again, changes nothing.
        api().body(bulk(null, item(LEAN, null), item(LEADS, new BigDecimal("30.00")))).put(targets).then()
                .statusCode(200);
        api().get("/api/v1/pairings/{id}/years/2023/history", pairing).then().body("totalItems", equalTo(3));
    }
}
