package org.tandem.indicator;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.HANGZHOU;
import static org.tandem.support.Fixtures.JINHUA;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.LISHUI;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.PASSWORD;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;
import org.tandem.support.Statements;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Joint and multi-level approval of a pair-year's actuals: chains, confirmations, levels, scopes, the inbox. */
@QuarkusTest
class ApprovalChainTest {

    static final String LEAN = "LEAN_BENCHMARK_PROJECTS";
    static final List<String> THREE_LEVELS = List.of("PAIR_COUNTIES", "CITY", "PROVINCE");

    static RequestSpecification as(String user) {
        return Api.as(user, PASSWORD);
    }

    static Map<String, Object> values(String reason, int lean) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", List.of(Map.of("indicator", LEAN, "value", lean)));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    static void chain(String program, List<String> levels) {
        api().body(Map.of("levels", levels)).put("/api/v1/programs/{code}/approval-chain", program).then()
                .statusCode(200).body("levels", equalTo(levels)).body("isDefault", equalTo(false));
    }

    static String actuals(long pairing, int year) {
        return "/api/v1/pairings/" + pairing + "/years/" + year + "/actuals";
    }

    @Test
    void aWholeYearThroughThreeLevelsWithAReturnAtTheCity() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        chain(program, THREE_LEVELS);
        String yiwu = Fixtures.user("county-editor", YIWU);
        String liandu = Fixtures.user("county-editor", LIANDU);
        String lishui = Fixtures.cityReviewer(LISHUI);
        String jinhua = Fixtures.cityReviewer(JINHUA);
        String hangzhou = Fixtures.cityReviewer(HANGZHOU);
        String assessor = Fixtures.user("assessor", null);
        String actuals = actuals(pairing, 2024);

        as(liandu).body(values(null, 8)).put(actuals).then().statusCode(200)
                .body("approvals.level", equalTo(THREE_LEVELS))
                .body("approvals.status", equalTo(List.of("AWAITING", "PENDING", "PENDING")));
        as(liandu).post(actuals + "/submit").then().statusCode(409)
                .body("type", equalTo("/problems/confirmation-required"));
        // A county confirms for itself only.
        as(liandu).body(Map.of("county", YIWU)).post(actuals + "/confirm").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-your-county"));
        as(liandu).body(Map.of("comment", "莲都核对无误")).post(actuals + "/confirm").then().statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("approvals[0].approvals[0].side", equalTo("MOUNTAIN"))
                .body("approvals[0].approvals[0].actor", equalTo(liandu))
                .body("approvals[0].waitingFor", equalTo(List.of("INDUSTRIAL")));
        as(liandu).post(actuals + "/confirm").then().statusCode(409).body("type", equalTo("/problems/already-confirmed"));
        as(yiwu).post(actuals + "/confirm").then().statusCode(200).body("state", equalTo("SUBMITTED"))
                .body("awaitingLevel", equalTo("CITY")).body("firstSubmittedAt", notNullValue())
                .body("approvals.status", equalTo(List.of("APPROVED", "AWAITING", "PENDING")))
                .body("approvals[1].waitingFor", equalTo(List.of("INDUSTRIAL", "MOUNTAIN")));

        // The city level: each city above a county of the pair; nobody else.
        as(lishui).queryParam("program", program).get("/api/v1/approvals").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].pairing", equalTo((int) pairing))
                .body("items[0].level", equalTo("CITY"));
        as(hangzhou).queryParam("program", program).get("/api/v1/approvals").then().statusCode(200)
                .body("totalItems", equalTo(0));
        as(hangzhou).body(Map.of("comment", "x")).post(actuals + "/approve").then().statusCode(403)
                .body("type", equalTo("/problems/not-your-city"));
        as(hangzhou).body(Map.of("comment", "x")).post(actuals + "/return").then().statusCode(403)
                .body("type", equalTo("/problems/not-your-city"));
        as(assessor).post(actuals + "/approve").then().statusCode(409)
                .body("type", equalTo("/problems/awaiting-another-level"));
        as(lishui).body(Map.of()).post(actuals + "/return").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        as(lishui).body(Map.of("comment", "标杆项目数与台账不符，请核实")).post(actuals + "/return").then().statusCode(200)
                .body("state", equalTo("DRAFT")).body("awaitingLevel", nullValue())
                .body("approvals.status", equalTo(List.of("AWAITING", "PENDING", "PENDING")))
                .body("approvals[0].approvals", hasSize(0));

        // The counties fix the value (a reason is needed now) and confirm again.
        as(liandu).body(values(null, 10)).put(actuals).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(liandu).body(values("按台账更正为10个", 10)).put(actuals).then().statusCode(200);
        as(yiwu).post(actuals + "/confirm").then().statusCode(200);
        as(liandu).post(actuals + "/confirm").then().statusCode(200).body("awaitingLevel", equalTo("CITY"));

        as(lishui).body(Map.of("comment", "丽水市审核通过")).post(actuals + "/approve").then().statusCode(200)
                .body("awaitingLevel", equalTo("CITY")).body("approvals[1].waitingFor", equalTo(List.of("INDUSTRIAL")));
        as(lishui).post(actuals + "/approve").then().statusCode(409).body("type", equalTo("/problems/already-approved"));
        as(lishui).queryParam("program", program).get("/api/v1/approvals").then().body("totalItems", equalTo(0));
        as(jinhua).queryParam("program", program).get("/api/v1/approvals").then().body("totalItems", equalTo(1))
                .body("items[0].waitingFor", equalTo(List.of("INDUSTRIAL")));
        as(jinhua).body(Map.of("comment", "金华市审核通过")).post(actuals + "/approve").then().statusCode(200)
                .body("awaitingLevel", equalTo("PROVINCE")).body("state", equalTo("SUBMITTED"));
        as(assessor).queryParam("program", program).get("/api/v1/approvals").then().body("totalItems", equalTo(1))
                .body("items[0].level", equalTo("PROVINCE"));
        as(assessor).body(Map.of("comment", "省级审定")).post(actuals + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("awaitingLevel", nullValue())
                .body("approvals.status", everyItem(equalTo("APPROVED")));
        as(assessor).queryParam("program", program).get("/api/v1/approvals").then().body("totalItems", equalTo(0));

        // Every step, newest first, with who, when and why.
        var history = api().queryParam("kind", "WORKFLOW").get("/api/v1/pairings/{id}/years/2024/history", pairing)
                .then().statusCode(200).body("totalItems", equalTo(8))
                .body("items.action", equalTo(List.of("APPROVE", "APPROVE", "APPROVE", "CONFIRM", "CONFIRM", "RETURN",
                        "CONFIRM", "CONFIRM")))
                .body("items.level", equalTo(List.of("PROVINCE", "CITY", "CITY", "PAIR_COUNTIES", "PAIR_COUNTIES",
                        "CITY", "PAIR_COUNTIES", "PAIR_COUNTIES")))
                .body("items.side", equalTo(java.util.Arrays.asList("PROVINCE", "INDUSTRIAL", "MOUNTAIN", "MOUNTAIN",
                        "INDUSTRIAL", null, "INDUSTRIAL", "MOUNTAIN")))
                .body("items.actor", equalTo(List.of(assessor, jinhua, lishui, liandu, yiwu, lishui, yiwu, liandu)))
                .body("items.occurredAt", everyItem(notNullValue()))
                .body("items[0].toState", equalTo("APPROVED"))
                .body("items[5].reason", equalTo("标杆项目数与台账不符，请核实"))
                .body("items[5].fromState", equalTo("SUBMITTED")).body("items[5].toState", equalTo("DRAFT"))
                .body("items[7].reason", equalTo("莲都核对无误"));
        assertEquals("丽水市审核通过", history.extract().path("items[2].reason"));

        // Each level was told when the actuals came to wait for it; the counties saw every step of their pair.
        String feed = "/api/v1/notifications";
        as(yiwu).queryParam("pairing", pairing).get(feed).then().statusCode(200)
                .body("items.type", equalTo(List.of("SUBMISSION_WAITING", "SUBMISSION_WAITING", "SUBMISSION_WAITING",
                        "DATA_RETURNED", "SUBMISSION_WAITING", "SUBMISSION_WAITING")))
                .body("items.data.level", equalTo(java.util.Arrays.asList("PROVINCE", "CITY", "PAIR_COUNTIES", null,
                        "CITY", "PAIR_COUNTIES")))
                .body("items[3].data.comment", equalTo("标杆项目数与台账不符，请核实"));
        as(lishui).queryParam("pairing", pairing).get(feed).then().statusCode(200)
                .body("items.type", equalTo(List.of("SUBMISSION_WAITING", "SUBMISSION_WAITING")))
                .body("items.data.level", everyItem(equalTo("CITY")));
        as(jinhua).queryParam("pairing", pairing).get(feed).then().statusCode(200).body("totalItems", equalTo(2));
        as(hangzhou).queryParam("pairing", pairing).get(feed).then().statusCode(200).body("totalItems", equalTo(0));
        as(assessor).queryParam("pairing", pairing).get(feed).then().statusCode(200)
                .body("items.type", equalTo(List.of("SUBMISSION_WAITING", "DATA_RETURNED")))
                .body("items[0].data.level", equalTo("PROVINCE"));
    }

    @Test
    void aChangeAfterAConfirmationWithdrawsIt() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        chain(program, List.of("PAIR_COUNTIES", "PROVINCE"));
        String yiwu = Fixtures.user("county-editor", YIWU);
        String liandu = Fixtures.user("county-editor", LIANDU);
        String actuals = actuals(pairing, 2023);
        as(yiwu).body(values(null, 5)).put(actuals).then().statusCode(200);
        as(yiwu).post(actuals + "/confirm").then().statusCode(200).body("approvals[0].approvals", hasSize(1));
        as(yiwu).queryParam("program", program).get("/api/v1/approvals").then().body("totalItems", equalTo(0));
        // The partner changes the value Yiwu confirmed: Yiwu's confirmation no longer holds.
        as(liandu).body(values(null, 6)).put(actuals).then().statusCode(200)
                .body("approvals[0].approvals", hasSize(0))
                .body("approvals[0].waitingFor", equalTo(List.of("INDUSTRIAL", "MOUNTAIN")));
        api().queryParam("kind", "WORKFLOW").get("/api/v1/pairings/{id}/years/2023/history", pairing).then()
                .body("items.action", equalTo(List.of("WITHDRAW", "CONFIRM")))
                .body("items[0].side", equalTo("INDUSTRIAL")).body("items[0].actor", equalTo(liandu))
                .body("items[0].reason", equalTo("the actuals changed"));
        as(yiwu).queryParam("program", program).get("/api/v1/approvals").then().body("totalItems", equalTo(1))
                .body("items[0].waitingFor", equalTo(List.of("INDUSTRIAL", "MOUNTAIN")));
        // Both confirm the new value: submitted to the province.
        as(liandu).post(actuals + "/confirm").then().statusCode(200);
        as(yiwu).post(actuals + "/confirm").then().statusCode(200).body("awaitingLevel", equalTo("PROVINCE"));
        // Once submitted, the values are locked until returned, as before.
        as(liandu).body(values("late", 7)).put(actuals).then().statusCode(409)
                .body("type", equalTo("/problems/actuals-locked"));
    }

    @Test
    void countyEditorsSeeAndConfirmTheirOwnPairsOnly() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long yiwuLiandu = Fixtures.pairing(program, YIWU, LIANDU);
        long nanhuSuichang = Fixtures.pairing(program, NANHU, SUICHANG);
        chain(program, THREE_LEVELS);
        String liandu = Fixtures.user("county-editor", LIANDU);
        String viewer = Fixtures.user("viewer", null);
        api().body(values(null, 1)).put(actuals(yiwuLiandu, 2024)).then().statusCode(200);
        api().body(values(null, 2)).put(actuals(nanhuSuichang, 2024)).then().statusCode(200);

        as(liandu).queryParam("program", program).get("/api/v1/approvals").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].pairing", equalTo((int) yiwuLiandu))
                .body("items[0].level", equalTo("PAIR_COUNTIES"))
                .body("items[0].industrialCounty.code", equalTo(YIWU));
        api().queryParam("program", program).queryParam("level", "PAIR_COUNTIES").get("/api/v1/approvals").then()
                .statusCode(200).body("totalItems", equalTo(2));
        as(liandu).post(actuals(nanhuSuichang, 2024) + "/confirm").then().statusCode(403)
                .body("type", equalTo("/problems/not-your-pairing"));
        as(liandu).queryParam("level", "PROVINCE").get("/api/v1/approvals").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-your-level"));
        as(viewer).get("/api/v1/approvals").then().statusCode(403);
        // An admin confirms for a county it names.
        api().post(actuals(nanhuSuichang, 2024) + "/confirm").then().statusCode(400)
                .body("errors[0].field", equalTo("county"));
        api().body(Map.of("county", LIANDU)).post(actuals(nanhuSuichang, 2024) + "/confirm").then().statusCode(400)
                .body("errors[0].field", equalTo("county"));
        api().body(Map.of("county", SUICHANG)).post(actuals(nanhuSuichang, 2024) + "/confirm").then().statusCode(200)
                .body("approvals[0].approvals[0].county", equalTo(SUICHANG));
        // Nothing changed on the other pair by the refused attempts.
        api().get(actuals(yiwuLiandu, 2024)).then().body("approvals[0].approvals", hasSize(0));
    }

    @Test
    void theDefaultChainIsTheSingleStepOfBefore() {
        long pairing = Fixtures.yiwuLiandu();
        String program = api().get("/api/v1/pairings/{id}", pairing).then().extract().path("program");
        api().get("/api/v1/programs/{code}/approval-chain", program).then().statusCode(200)
                .body("levels", equalTo(List.of("PROVINCE"))).body("isDefault", equalTo(true))
                .header("ETag", notNullValue());
        String liandu = Fixtures.user("county-editor", LIANDU);
        String lishui = Fixtures.cityReviewer(LISHUI);
        String assessor = Fixtures.user("assessor", null);
        String actuals = actuals(pairing, 2025);
        as(liandu).body(values(null, 3)).put(actuals).then().statusCode(200);
        as(liandu).post(actuals + "/confirm").then().statusCode(409)
                .body("type", equalTo("/problems/confirmation-not-in-chain"));
        as(liandu).post(actuals + "/submit").then().statusCode(200).body("state", equalTo("SUBMITTED"))
                .body("awaitingLevel", equalTo("PROVINCE"));
        as(lishui).post(actuals + "/approve").then().statusCode(403).body("type", equalTo("/problems/not-your-level"));
        as(lishui).queryParam("program", program).get("/api/v1/approvals").then().statusCode(200)
                .body("totalItems", equalTo(0));
        as(assessor).body(Map.of("comment", "核对无误")).post(actuals + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED"));
        api().queryParam("kind", "WORKFLOW").get("/api/v1/pairings/{id}/years/2025/history", pairing).then()
                .body("items.action", equalTo(List.of("APPROVE", "SUBMIT")))
                .body("items.fromState", equalTo(List.of("SUBMITTED", "DRAFT")))
                .body("items.toState", equalTo(List.of("APPROVED", "SUBMITTED")));
        // The province returns approved actuals, as before.
        as(assessor).body(Map.of("comment", "复核发现问题")).post(actuals + "/return").then().statusCode(200)
                .body("state", equalTo("DRAFT"));
    }

    @Test
    void badChainsAreRefusedAndAChainInUseCannotChange() {
        long pairing = Fixtures.yiwuLiandu();
        String program = api().get("/api/v1/pairings/{id}", pairing).then().extract().path("program");
        String path = "/api/v1/programs/{code}/approval-chain";
        for (Object levels : List.of(List.of("PROVINCE", "CITY"), List.of("CITY"), List.of("CITY", "CITY", "PROVINCE"),
                List.of())) {
            api().body(Map.of("levels", levels)).put(path, program).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("levels"));
        }
        api().body(Map.of("levels", List.of("NOPE"))).put(path, program).then().statusCode(400)
                .contentType("application/problem+json");
        api().body(Map.of()).put(path, program).then().statusCode(400).contentType("application/problem+json");
        api().body("{\"levels\": ").put(path, program).then().statusCode(400);
        api().body(Map.of("levels", List.of("PROVINCE"))).put(path, "NO-SUCH-PROGRAM").then().statusCode(404)
                .contentType("application/problem+json");
        api().queryParam("level", "NOPE").get("/api/v1/approvals").then().statusCode(400)
                .contentType("application/problem+json");
        api().body(Map.of("county", "abc")).post(actuals(pairing, 2024) + "/confirm").then().statusCode(400)
                .body("errors[0].field", equalTo("county"));
        Fixtures.user("viewer", null);
        String reviewer = Fixtures.user("assessor", null);
        as(reviewer).body(Map.of("levels", THREE_LEVELS)).put(path, program).then().statusCode(403);

        String etag = api().get(path, program).then().extract().header("ETag");
        api().header("If-Match", etag).body(Map.of("levels", List.of("CITY", "PROVINCE"))).put(path, program).then()
                .statusCode(200);
        api().header("If-Match", etag).body(Map.of("levels", THREE_LEVELS)).put(path, program).then().statusCode(412);
        api().post(actuals(pairing, 2024) + "/submit").then().statusCode(200).body("awaitingLevel", equalTo("CITY"));
        api().body(Map.of("levels", THREE_LEVELS)).put(path, program).then().statusCode(409)
                .body("type", equalTo("/problems/approval-chain-in-use"));
        api().get(path, program).then().body("levels", equalTo(List.of("CITY", "PROVINCE")));
    }

    @Test
    void cityReviewersNeedACity() {
        Map<String, Object> body = new HashMap<>(Map.of("username", Fixtures.uniqueCode("cr").toLowerCase(),
                "password", PASSWORD, "roles", List.of("city-reviewer")));
        api().body(body).post("/api/v1/users").then().statusCode(400).body("errors[0].field", equalTo("city"));
        body.put("city", "999900");
        api().body(body).post("/api/v1/users").then().statusCode(400).body("errors[0].field", equalTo("city"));
        body.put("city", LISHUI);
        api().body(body).post("/api/v1/users").then().statusCode(201).body("city", equalTo(LISHUI));
        Api.as((String) body.get("username"), PASSWORD).get("/api/v1/me").then().statusCode(200)
                .body("city", equalTo(LISHUI)).body("roles", equalTo(List.of("city-reviewer")));
    }

    @Test
    void theInboxCostsAFixedNumberOfStatements() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long first = Fixtures.pairing(program, YIWU, LIANDU);
        chain(program, List.of("CITY", "PROVINCE"));
        api().post(actuals(first, 2023) + "/submit").then().statusCode(200);
        String lishui = Fixtures.cityReviewer(LISHUI);
        as(lishui).get("/api/v1/me").then().statusCode(200); // logs in before counting
        long one = Statements.of(() -> as(lishui).queryParam("program", program).get("/api/v1/approvals").then()
                .statusCode(200).body("totalItems", equalTo(1)));
        long second = Fixtures.pairing(program, NANHU, SUICHANG);
        for (long pairing : List.of(first, second)) {
            for (int year : List.of(2024, 2025)) {
                api().post(actuals(pairing, year) + "/submit").then().statusCode(200);
            }
        }
        api().body(Map.of("county", LIANDU)).post(actuals(first, 2024) + "/approve").then().statusCode(200);
        long five = Statements.of(() -> as(lishui).queryParam("program", program).get("/api/v1/approvals").then()
                .statusCode(200).body("totalItems", equalTo(4)).body("items", hasSize(4)));
        assertEquals(one, five, "statements for an inbox of 1 vs 4 pair-years");
        assertTrue(five <= 6, five + " statements");
    }
}
