package org.tandem.notification;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.support.Api.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.assessment.AnnualAssessmentTest;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;
import org.tandem.support.Statements;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Each user's feed over HTTP: what a role and a county see, unread counts, read marks; the outbox's transaction. */
@QuarkusTest
class NotificationFeedTest {

    @Test
    void aCountyEditorSeesItsOwnPairsEventsAndAssessorsSeeAll() {
        String program = Fixtures.program(List.of(Fixtures.YIWU, Fixtures.NANHU),
                List.of(Fixtures.LIANDU, Fixtures.SUICHANG));
        long ours = Fixtures.pairing(program, Fixtures.YIWU, Fixtures.LIANDU);
        long theirs = Fixtures.pairing(program, Fixtures.NANHU, Fixtures.SUICHANG);
        String liandu = Fixtures.user("county-editor", Fixtures.LIANDU);
        String assessor = Fixtures.user("assessor", null);
        String viewer = Fixtures.user("viewer", null);
        // Earlier tests' events stay in the shared database: each reader starts with everything read.
        for (String user : List.of(liandu, assessor, viewer)) {
            as(user).post("/api/v1/notifications/read-all").then().statusCode(200);
            as(user).get("/api/v1/notifications/unread-count").then().statusCode(200).body("unread", equalTo(0));
        }

        as(liandu).post("/api/v1/pairings/{id}/years/2024/actuals/submit", ours).then().statusCode(200);
        api().post("/api/v1/pairings/{id}/years/2024/actuals/submit", theirs).then().statusCode(200);
        as(assessor).body(Map.of("comment", "请补充项目投资数据")).post("/api/v1/pairings/{id}/years/2024/actuals/return", ours)
                .then().statusCode(200);

        // Liandu's editor: its pair's submission and return, newest first; nothing of the other pair.
        as(liandu).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(2));
        as(liandu).queryParam("unread", true).get("/api/v1/notifications").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.type", equalTo(List.of("DATA_RETURNED", "SUBMISSION_WAITING")))
                .body("items.pairingId", everyItem(equalTo((int) ours)))
                .body("items[0].year", equalTo(2024))
                .body("items[0].subject.type", equalTo("PairYear"))
                .body("items[0].subject.id", equalTo(ours + "/2024"))
                .body("items[0].data.comment", equalTo("请补充项目投资数据"))
                .body("items[0].data.program", equalTo(program))
                .body("items[0].actor", equalTo(assessor))
                .body("items[1].actor", equalTo(liandu))
                .body("items.read", everyItem(equalTo(false)));
        as(liandu).queryParam("pairing", theirs).get("/api/v1/notifications").then().body("totalItems", equalTo(0));

        // The assessor sees both pairs' events; a viewer none of these.
        as(assessor).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(3));
        as(assessor).queryParam("pairing", theirs).get("/api/v1/notifications").then()
                .body("items.type", equalTo(List.of("SUBMISSION_WAITING")));
        as(viewer).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
        // The admin sees everything, filtered by pairing and type.
        api().queryParam("pairing", ours).queryParam("type", "SUBMISSION_WAITING").get("/api/v1/notifications").then()
                .body("totalItems", equalTo(1)).body("items[0].actor", equalTo(liandu));

        // Marking read: one (twice is harmless), only in one's own feed, then all.
        long returned = as(liandu).queryParam("type", "DATA_RETURNED").get("/api/v1/notifications").then().extract()
                .jsonPath().getLong("items[0].id");
        long otherPairs = as(assessor).queryParam("pairing", theirs).get("/api/v1/notifications").then().extract()
                .jsonPath().getLong("items[0].id");
        as(liandu).post("/api/v1/notifications/{id}/read", returned).then().statusCode(204);
        as(liandu).post("/api/v1/notifications/{id}/read", returned).then().statusCode(204);
        as(liandu).post("/api/v1/notifications/{id}/read", otherPairs).then().statusCode(404)
                .contentType("application/problem+json");
        as(liandu).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(1));
        as(liandu).queryParam("pairing", ours).get("/api/v1/notifications").then()
                .body("items.read", equalTo(List.of(true, false)));
        // The assessor's marks are its own.
        as(assessor).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(3));
        as(liandu).post("/api/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(1));
        as(liandu).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
        as(liandu).queryParam("unread", true).get("/api/v1/notifications").then().body("totalItems", equalTo(0));
    }

    @Test
    void finalizedResultsReachThePairsCountiesAssessorsAndViewers() {
        String program = Fixtures.program(List.of(Fixtures.YIWU, Fixtures.NANHU),
                List.of(Fixtures.LIANDU, Fixtures.SUICHANG));
        long ours = Fixtures.pairing(program, Fixtures.YIWU, Fixtures.LIANDU);
        Fixtures.pairing(program, Fixtures.NANHU, Fixtures.SUICHANG);
        AnnualAssessmentTest.publishedScheme(program, 2024);
        // Targets met in full: 100 points.
        for (String kind : List.of("targets", "actuals")) {
            api().body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", 100),
                    Map.of("indicator", "INVESTMENT_LEADS_SHARED", "value", 50))))
                    .put("/api/v1/pairings/{id}/years/2024/" + kind, ours).then().statusCode(200);
        }
        AnnualAssessmentTest.run(program);
        long assessment = api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments")
                .then().extract().jsonPath().getLong("items.find { it.pairing == " + ours + " }.id");
        String yiwu = Fixtures.user("county-editor", Fixtures.YIWU);
        String suichang = Fixtures.user("county-editor", Fixtures.SUICHANG);
        String viewer = Fixtures.user("viewer", null);
        for (String user : List.of(yiwu, suichang, viewer)) {
            as(user).post("/api/v1/notifications/read-all").then().statusCode(200);
        }

        api().post("/api/v1/assessments/{id}/finalize", assessment).then().statusCode(200);

        for (String reader : List.of(yiwu, viewer)) {
            as(reader).queryParam("unread", true).get("/api/v1/notifications").then().statusCode(200)
                    .body("totalItems", equalTo(1)).body("items[0].type", equalTo("RESULTS_FINALIZED"))
                    .body("items[0].subject.type", equalTo("Assessment"))
                    .body("items[0].subject.id", equalTo(Long.toString(assessment)))
                    .body("items[0].pairingId", equalTo((int) ours))
                    .body("items[0].data.total", comparesEqualTo(new BigDecimal("100")))
                    .body("items[0].data.program", equalTo(program)).body("items[0].data.passed", equalTo(true));
        }
        // The other pair's county sees nothing of it.
        as(suichang).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    void anEventIsRolledBackWithItsCause() {
        String failed = Fixtures.uniqueCode("probe");
        Api.raw().post("/api/v1/test-only/outbox/{subject}?fail=true", failed).then().statusCode(409);
        assertEquals(0L, events(failed), "the failed cause's event must not stay");
        String kept = Fixtures.uniqueCode("probe");
        Api.raw().post("/api/v1/test-only/outbox/{subject}", kept).then().statusCode(204);
        assertEquals(1L, events(kept));
        api().queryParam("type", "DEADLINE_MISSED").get("/api/v1/notifications").then()
                .body("items.subject.id", hasItem(kept)).body("items.subject.id", not(hasItem(failed)));
    }

    @Test
    void aPageCostsTheSameStatementsWhateverItsSize() {
        String assessor = Fixtures.user("assessor", null);
        for (int i = 0; i < 6; i++) {
            Api.raw().post("/api/v1/test-only/outbox/{subject}", Fixtures.uniqueCode("probe")).then().statusCode(204);
        }
        // Its token is fetched before counting.
        as(assessor).get("/api/v1/notifications/unread-count").then().statusCode(200);
        long one = Statements.of(() -> as(assessor).queryParam("type", "DEADLINE_MISSED").queryParam("size", 1)
                .get("/api/v1/notifications").then().statusCode(200).body("items.size()", equalTo(1)));
        long six = Statements.of(() -> as(assessor).queryParam("type", "DEADLINE_MISSED").queryParam("size", 6)
                .get("/api/v1/notifications").then().statusCode(200).body("items.size()", equalTo(6)));
        assertEquals(one, six, "statements of a page of 1 and of 6");
        long admin = Statements.of(() -> api().queryParam("type", "DEADLINE_MISSED").queryParam("size", 6)
                .get("/api/v1/notifications").then().statusCode(200).body("items.size()", equalTo(6)));
        assertEquals(one, admin);
    }

    @Test
    void badQueriesAreProblems() {
        api().queryParam("type", "NOPE").get("/api/v1/notifications").then().statusCode(400)
                .contentType("application/problem+json");
        api().queryParam("sort", "type").get("/api/v1/notifications").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
        api().queryParam("size", 501).get("/api/v1/notifications").then().statusCode(400);
        api().post("/api/v1/notifications/{id}/read", 999_999_999L).then().statusCode(404)
                .body("type", endsWith("/not-found"));
        Api.anonymous().get("/api/v1/notifications").then().statusCode(401);
    }

    private static long events(String subject) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notification.count("subjectType = 'Probe' and subjectId = ?1", subject));
    }

    private static RequestSpecification as(String user) {
        return Api.as(user, Fixtures.PASSWORD);
    }
}
