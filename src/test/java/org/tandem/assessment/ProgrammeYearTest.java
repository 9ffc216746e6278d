package org.tandem.assessment;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.assessment.AnnualAssessmentTest.publishedScheme;
import static org.tandem.assessment.AnnualAssessmentTest.run;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.JINHUA;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.LISHUI;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A whole programme-year over HTTP (issue 20): a fresh programme of two pairs, Yiwu–Liandu (A; Jinhua and Lishui)
 * and Nanhu–Suichang (B; Jiaxing and Lishui), through the chain PAIR_COUNTIES → CITY → PROVINCE, with a return at
 * the city level, a late submission, an assessment run, publication for objections, one objection upheld with an
 * adjustment and one rejected, and finalizing refused then allowed.
 * <p>
 * Time: the calendar takes any due date from the period's first day on, past or future; "late" is decided by the service's
 * {@link Clock} bean against the first submission. So the ANNUAL report is due tomorrow (China Standard Time) by
 * the real clock: A goes through the whole chain now, on time. The clock is then moved three days ahead
 * (QuarkusMock, as {@link ObjectionWindowTest} does) and B submits: late, by the days from the due date to the
 * day of its submission. The objection window is published at that moved time and closed by moving the clock past
 * it. Tokens do not depend on the clock bean; every user logs in before the clock moves all the same. A mock
 * installed by QuarkusMock holds for the test that installs it only: the next test has the system clock again.
 */
@QuarkusTest
class ProgrammeYearTest {

    static final List<String> THREE_LEVELS = List.of("PAIR_COUNTIES", "CITY", "PROVINCE");
    static final String JIAXING = "330400";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager em;

    private static RequestSpecification as(String user) {
        return Api.as(user, Fixtures.PASSWORD);
    }

    private static String path(long pairing, String kind) {
        return "/api/v1/pairings/" + pairing + "/years/2024/" + kind;
    }

    /** The two indicators of the test scheme ({@link AnnualAssessmentTest#rules()}), with a reason if given. */
    private static Map<String, Object> values(int supply, int leads, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", supply),
                Map.of("indicator", "INVESTMENT_LEADS_SHARED", "value", leads)));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private static JsonPath ranking(String program) {
        return api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments").then()
                .statusCode(200).extract().jsonPath();
    }

    /** Moves the service's clock {@code ahead} into the future for the rest of this test. */
    private static void moveClock(Duration ahead) {
        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), ahead), Clock.class);
    }

    /** What the store holds of a pair-year: its actuals' state and first submission. */
    private Object[] stored(long pairing) {
        return (Object[]) em.createNativeQuery(
                "select actuals_state, first_submitted_at from pair_year where pairing_id = ?1 and calendar_year = 2024")
                .setParameter(1, pairing).getSingleResult();
    }

    private String storedStatus(long assessment) {
        return (String) em.createNativeQuery("select status from assessment where id = ?1").setParameter(1, assessment)
                .getSingleResult();
    }

    @Test
    void aWholeYearFromTheChainToTheFinalRanking() {
        // 1. The programme, its two pairs, the chain and the calendar: the ANNUAL report is due tomorrow.
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long a = Fixtures.pairing(program, YIWU, LIANDU);
        long b = Fixtures.pairing(program, NANHU, SUICHANG);
        publishedScheme(program, 2024);
        api().body(Map.of("levels", THREE_LEVELS)).put("/api/v1/programs/{code}/approval-chain", program).then()
                .statusCode(200).body("levels", equalTo(THREE_LEVELS)).body("isDefault", equalTo(false));
        LocalDate dueOn = LocalDate.now(CHINA).plusDays(1);
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", dueOn.toString()))))
                .put("/api/v1/programs/{code}/years/2024/calendar", program).then().statusCode(200)
                .body("periods.period", equalTo(List.of("ANNUAL"))).body("periods[0].dueOn", equalTo(dueOn.toString()));
        api().get("/api/v1/programs/{code}/years/2024/overdue", program).then().statusCode(200)
                .body("totalItems", equalTo(0));

        String yiwu = Fixtures.user("county-editor", YIWU);
        String liandu = Fixtures.user("county-editor", LIANDU);
        String nanhu = Fixtures.user("county-editor", NANHU);
        String suichang = Fixtures.user("county-editor", SUICHANG);
        String lishui = Fixtures.cityReviewer(LISHUI);
        String jinhua = Fixtures.cityReviewer(JINHUA);
        String jiaxing = Fixtures.cityReviewer(JIAXING);
        String assessor = Fixtures.user("assessor", null);
        for (String user : List.of(yiwu, liandu, nanhu, suichang, lishui, jinhua, jiaxing, assessor)) {
            as(user).get("/api/v1/me").then().statusCode(200); // logged in while the clock is the real one
        }

        // 2. Pair A: targets and actuals by its county editor, each county confirms its own side.
        String actualsA = path(a, "actuals");
        as(yiwu).body(values(100, 100, null)).put(path(a, "targets")).then().statusCode(200);
        as(yiwu).body(values(70, 60, null)).put(actualsA).then().statusCode(200).body("state", equalTo("DRAFT"))
                .body("approvals.level", equalTo(THREE_LEVELS))
                .body("approvals.status", equalTo(List.of("AWAITING", "PENDING", "PENDING")));
        as(liandu).body(Map.of("county", YIWU)).post(actualsA + "/confirm").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-your-county"));
        as(yiwu).body(Map.of("county", LIANDU)).post(actualsA + "/confirm").then().statusCode(403)
                .body("type", equalTo("/problems/not-your-county"));
        as(yiwu).body(Map.of("comment", "义乌核对无误")).post(actualsA + "/confirm").then().statusCode(200)
                .body("state", equalTo("DRAFT")).body("approvals[0].approvals[0].side", equalTo("INDUSTRIAL"))
                .body("approvals[0].waitingFor", equalTo(List.of("MOUNTAIN")));
        assertEquals("DRAFT", stored(a)[0]);
        assertEquals(null, stored(a)[1]);
        as(liandu).post(actualsA + "/confirm").then().statusCode(200).body("state", equalTo("SUBMITTED"))
                .body("awaitingLevel", equalTo("CITY")).body("firstSubmittedAt", notNullValue());
        assertEquals("SUBMITTED", stored(a)[0]);
        assertNotNull(stored(a)[1]);

        // The city level: a reviewer of another city is refused; Lishui returns it with a comment.
        as(jiaxing).body(Map.of("comment", "x")).post(actualsA + "/approve").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-your-city"));
        as(jiaxing).body(Map.of("comment", "x")).post(actualsA + "/return").then().statusCode(403)
                .body("type", equalTo("/problems/not-your-city"));
        String why = "供应链合同额与台账不符，请核实";
        as(lishui).body(Map.of("comment", why)).post(actualsA + "/return").then().statusCode(200)
                .body("state", equalTo("DRAFT")).body("awaitingLevel", nullValue())
                .body("approvals.status", equalTo(List.of("AWAITING", "PENDING", "PENDING")));
        assertEquals("DRAFT", stored(a)[0]);
        for (String county : List.of(yiwu, liandu)) {
            as(county).queryParam("pairing", a).queryParam("type", "DATA_RETURNED").get("/api/v1/notifications")
                    .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].data.comment", equalTo(why));
        }
        api().queryParam("kind", "WORKFLOW").get("/api/v1/pairings/{id}/years/2024/history", a).then()
                .statusCode(200).body("items[0].action", equalTo("RETURN")).body("items[0].actor", equalTo(lishui))
                .body("items[0].level", equalTo("CITY")).body("items[0].reason", equalTo(why))
                .body("items[0].occurredAt", notNullValue());

        // Corrected (a reason is needed now), confirmed again, approved by both cities, then by the province.
        as(liandu).body(values(80, 60, "按台账更正为80")).put(actualsA).then().statusCode(200);
        as(liandu).post(actualsA + "/confirm").then().statusCode(200).body("state", equalTo("DRAFT"));
        as(yiwu).post(actualsA + "/confirm").then().statusCode(200).body("awaitingLevel", equalTo("CITY"));
        as(lishui).body(Map.of("comment", "丽水市审核通过")).post(actualsA + "/approve").then().statusCode(200)
                .body("awaitingLevel", equalTo("CITY")).body("approvals[1].waitingFor", equalTo(List.of("INDUSTRIAL")));
        as(jinhua).body(Map.of("comment", "金华市审核通过")).post(actualsA + "/approve").then().statusCode(200)
                .body("awaitingLevel", equalTo("PROVINCE"));
        as(assessor).body(Map.of("comment", "省级审定")).post(actualsA + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("awaitingLevel", nullValue())
                .body("approvals.status", everyItem(equalTo("APPROVED")));
        assertEquals("APPROVED", stored(a)[0]);
        api().queryParam("kind", "WORKFLOW").get("/api/v1/pairings/{id}/years/2024/history", a).then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("APPROVE", "APPROVE", "APPROVE", "CONFIRM", "CONFIRM", "RETURN",
                        "CONFIRM", "CONFIRM")))
                .body("items.actor", equalTo(List.of(assessor, jinhua, lishui, yiwu, liandu, lishui, liandu, yiwu)));

        // 3. Three days on, pair B submits: late, and listed so; A is not.
        moveClock(Duration.ofDays(3));
        String actualsB = path(b, "actuals");
        as(nanhu).body(values(100, 100, null)).put(path(b, "targets")).then().statusCode(200);
        as(suichang).body(values(100, 100, null)).put(actualsB).then().statusCode(200);
        as(nanhu).post(actualsB + "/confirm").then().statusCode(200).body("state", equalTo("DRAFT"));
        String submittedB = as(suichang).post(actualsB + "/confirm").then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("awaitingLevel", equalTo("CITY")).extract()
                .path("firstSubmittedAt");
        long daysLate = ChronoUnit.DAYS.between(dueOn,
                OffsetDateTime.parse(submittedB).atZoneSameInstant(CHINA).toLocalDate());
        assertTrue(daysLate >= 1, daysLate + " days late");
        api().queryParam("period", "ANNUAL").get("/api/v1/programs/{code}/years/2024/overdue", program).then()
                .statusCode(200).body("totalItems", equalTo(1)).body("items.pairing", equalTo(List.of((int) b)))
                .body("items[0].status", equalTo("LATE")).body("items[0].dueOn", equalTo(dueOn.toString()))
                .body("items[0].daysLate", equalTo((int) daysLate)).body("items[0].submittedAt", notNullValue());
        as(lishui).body(Map.of("comment", "丽水市审核通过")).post(actualsB + "/approve").then().statusCode(200)
                .body("awaitingLevel", equalTo("CITY"));
        as(jiaxing).body(Map.of("comment", "嘉兴市审核通过")).post(actualsB + "/approve").then().statusCode(200)
                .body("awaitingLevel", equalTo("PROVINCE"));
        as(assessor).body(Map.of("comment", "省级审定")).post(actualsB + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED"));
        assertEquals("APPROVED", stored(b)[0]);

        // 4. The assessment run: A 48 + 24 = 72 (rank 2), B 100 (rank 1), computed.
        run(program);
        JsonPath computed = ranking(program);
        assertEquals(List.of(b, a), computed.getList("items.pairing", Long.class));
        assertEquals(List.of("COMPUTED", "COMPUTED"), computed.getList("items.state"));
        long assessmentA = computed.getLong("items[1].id");
        long assessmentB = computed.getLong("items[0].id");
        api().get("/api/v1/assessments/{id}", assessmentA).then().statusCode(200)
                .body("summary.total", comparesEqualTo(new BigDecimal("72.0")));
        assertEquals("COMPUTED", storedStatus(assessmentA));

        // 5. Published for objections; each pair objects; finalizing waits for the window, then the resolutions.
        String publication = "/api/v1/programs/" + program + "/years/2024/publication";
        as(assessor).body(Map.of("days", 7)).post(publication).then().statusCode(201).body("open", equalTo(true))
                .body("days", equalTo(7));
        assertEquals(List.of("PUBLISHED_FOR_OBJECTIONS", "PUBLISHED_FOR_OBJECTIONS"),
                ranking(program).getList("items.state"));
        api().get("/api/v1/programs/{code}/years/2024/bulletin", program).then().statusCode(200)
                .body("ranking.state", contains("PUBLISHED_FOR_OBJECTIONS", "PUBLISHED_FOR_OBJECTIONS"))
                .body("provisional", equalTo(true));
        String objectionsA = "/api/v1/assessments/" + assessmentA + "/objections";
        String objectionsB = "/api/v1/assessments/" + assessmentB + "/objections";
        long objectionA = as(liandu).body(Map.of("reason", "共建园区已投运，未计入加分")).post(objectionsA).then()
                .statusCode(201).body("state", equalTo("OPEN")).body("filedCounty", equalTo(LIANDU)).extract()
                .jsonPath().getLong("id");
        long objectionB = as(nanhu).body(Map.of("reason", "招商线索统计口径有误")).post(objectionsB).then()
                .statusCode(201).body("state", equalTo("OPEN")).body("filedCounty", equalTo(NANHU)).extract()
                .jsonPath().getLong("id");
        for (long assessment : List.of(assessmentA, assessmentB)) {
            as(assessor).post("/api/v1/assessments/{id}/finalize", assessment).then().statusCode(409)
                    .contentType("application/problem+json").body("type", endsWith("/objection-window-open"));
        }

        moveClock(Duration.ofDays(3 + 7).plusMinutes(1));
        api().get(publication).then().statusCode(200).body("open", equalTo(false)).body("openObjections", equalTo(2));
        for (long assessment : List.of(assessmentA, assessmentB)) {
            as(assessor).post("/api/v1/assessments/{id}/finalize", assessment).then().statusCode(409)
                    .contentType("application/problem+json").body("type", endsWith("/objections-unresolved"));
            assertEquals("COMPUTED", storedStatus(assessment));
        }

        long adjustment = as(assessor)
                .body(Map.of("outcome", "UPHELD", "remedy", "ADJUSTMENT", "reason", "经核实园区已投运，予以加分",
                        "adjustment", Map.of("item", "JOINT_PARK", "points", 2, "reason", "共建园区（异议核实）")))
                .post(objectionsA + "/" + objectionA + "/resolution").then().statusCode(200)
                .body("state", equalTo("UPHELD")).body("resolution.remedy", equalTo("ADJUSTMENT"))
                .body("resolution.totalBefore", comparesEqualTo(new BigDecimal("72.0")))
                .body("resolution.totalAfter", comparesEqualTo(new BigDecimal("74.0"))).extract().jsonPath()
                .getLong("resolution.adjustment");
        api().get("/api/v1/assessments/{id}", assessmentA).then().statusCode(200)
                .body("summary.total", comparesEqualTo(new BigDecimal("74.0")))
                .body("adjustments[0].id", equalTo((int) adjustment))
                .body("adjustments[0].objection", equalTo((int) objectionA)).body("openObjections", equalTo(0));
        assertEquals(adjustment, ((Number) em.createNativeQuery("select adjustment_id from objection where id = ?1")
                .setParameter(1, objectionA).getSingleResult()).longValue());
        as(assessor).body(Map.of("outcome", "REJECTED", "reason", "统计口径符合考核办法，不予调整"))
                .post(objectionsB + "/" + objectionB + "/resolution").then().statusCode(200)
                .body("state", equalTo("REJECTED")).body("resolution.reason", equalTo("统计口径符合考核办法，不予调整"))
                .body("resolution.adjustment", nullValue());
        api().get("/api/v1/assessments/{id}", assessmentB).then()
                .body("summary.total", comparesEqualTo(new BigDecimal("100.0"))).body("adjustments", equalTo(List.of()));

        for (long assessment : List.of(assessmentA, assessmentB)) {
            as(assessor).post("/api/v1/assessments/{id}/finalize", assessment).then().statusCode(200)
                    .body("summary.state", equalTo("FINALIZED"));
            assertEquals("FINALIZED", storedStatus(assessment));
        }
        JsonPath finalRanking = ranking(program);
        assertEquals(List.of(b, a), finalRanking.getList("items.pairing", Long.class));
        assertEquals(List.of("FINALIZED", "FINALIZED"), finalRanking.getList("items.state"));
        api().get("/api/v1/programs/{code}/years/2024/bulletin", program).then().statusCode(200)
                .body("ranking.state", contains("FINALIZED", "FINALIZED")).body("provisional", equalTo(false))
                .body("ranking[1].total", comparesEqualTo(new BigDecimal("74.0")));

        // The feeds: each pair's counties were told of the publication, their own objection and its resolution,
        // and the finalizing; not of the other pair's objection.
        String mine = "items.findAll { it.data.program == '" + program + "' && (it.type.startsWith('RESULTS_')"
                + " || it.type.startsWith('OBJECTION_')) }";
        for (String county : List.of(yiwu, liandu)) {
            as(county).queryParam("size", 100).get("/api/v1/notifications").then().statusCode(200)
                    .body(mine + ".type", equalTo(List.of("RESULTS_FINALIZED", "OBJECTION_RESOLVED", "OBJECTION_FILED",
                            "RESULTS_PUBLISHED")))
                    .body(mine + "[1].data.outcome", equalTo("UPHELD"));
        }
        for (String county : List.of(nanhu, suichang)) {
            as(county).queryParam("size", 100).get("/api/v1/notifications").then().statusCode(200)
                    .body(mine + ".type", equalTo(List.of("RESULTS_FINALIZED", "OBJECTION_RESOLVED", "OBJECTION_FILED",
                            "RESULTS_PUBLISHED")))
                    .body(mine + "[1].data.outcome", equalTo("REJECTED"));
        }
        as(assessor).queryParam("type", "OBJECTION_FILED").queryParam("size", 100).get("/api/v1/notifications")
                .then().statusCode(200).body(mine + ".data.reason", equalTo(Arrays.asList("招商线索统计口径有误",
                        "共建园区已投运，未计入加分")))
                .body(mine + ".type", not(hasItem("RESULTS_FINALIZED")));
    }
}
