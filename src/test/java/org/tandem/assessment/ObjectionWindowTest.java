package org.tandem.assessment;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.assessment.AnnualAssessmentTest.publishedScheme;
import static org.tandem.assessment.AnnualAssessmentTest.run;
import static org.tandem.assessment.AnnualAssessmentTest.values;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;
import org.tandem.support.Statements;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The objection window (公示): a programme-year published for objections, objections filed by the pairs' county
 * editors while it is open, each upheld (an adjustment or a rescore, linked) or rejected by an assessor, and
 * finalizing refused until the window has closed and every objection is resolved. Time moves by replacing the
 * service's {@link Clock} for one test (QuarkusMock), never by waiting.
 */
@QuarkusTest
class ObjectionWindowTest {

    @Inject
    EntityManager em;

    /** Two pairs assessed in 2024: Yiwu–Liandu 50 (rank 2), Nanhu–Suichang 100 (rank 1). */
    private record Year(String program, long yiwuLiandu, long nanhuSuichang, long a, long b) {
    }

    private static Year assessedYear() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long yiwuLiandu = Fixtures.pairing(program, YIWU, LIANDU);
        long nanhuSuichang = Fixtures.pairing(program, NANHU, SUICHANG);
        publishedScheme(program, 2024);
        values(yiwuLiandu, "targets", 100, 100);
        values(nanhuSuichang, "targets", 100, 100);
        values(yiwuLiandu, "actuals", 50, 50);
        values(nanhuSuichang, "actuals", 100, 100);
        run(program);
        JsonPath ranking = ranking(program);
        return new Year(program, yiwuLiandu, nanhuSuichang, ranking.getLong("items[1].id"),
                ranking.getLong("items[0].id"));
    }

    private static JsonPath ranking(String program) {
        return api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments").then()
                .statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification as(String user) {
        return Api.as(user, Fixtures.PASSWORD);
    }

    private static String publication(String program) {
        return "/api/v1/programs/" + program + "/years/2024/publication";
    }

    private static String objections(long assessment) {
        return "/api/v1/assessments/" + assessment + "/objections";
    }

    /** Moves the service's clock {@code ahead} into the future for the rest of this test. */
    private static void moveClock(Duration ahead) {
        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), ahead), Clock.class);
    }

    @Test
    void aYearPublishedObjectedToResolvedAndFinalized() {
        Year y = assessedYear();
        String liandu = Fixtures.user("county-editor", LIANDU);
        String nanhu = Fixtures.user("county-editor", NANHU);
        String assessor = Fixtures.user("assessor", null);

        // Before publication: computed, and no objection is taken.
        assertEquals(List.of("COMPUTED", "COMPUTED"), ranking(y.program()).getList("items.state"));
        as(liandu).body(Map.of("reason", "太早")).post(objections(y.a())).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/objection-window-not-open"));
        api().get(publication(y.program())).then().statusCode(404).contentType("application/problem+json");

        // Only an assessor or admin publishes; days must be 1 to 90.
        as(liandu).body(Map.of("days", 7)).post(publication(y.program())).then().statusCode(403);
        for (Object days : List.of(0, 91, -1)) {
            as(assessor).body(Map.of("days", days)).post(publication(y.program())).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("days"));
        }
        as(assessor).body(Map.of("days", "seven")).post(publication(y.program())).then().statusCode(400)
                .contentType("application/problem+json");
        as(assessor).body(Map.of()).post(publication(y.program())).then().statusCode(400);
        as(assessor).body("{\"days\": ").post(publication(y.program())).then().statusCode(400);
        as(assessor).body(Map.of("days", 7)).post("/api/v1/programs/{code}/years/2030/publication", y.program())
                .then().statusCode(400).body("errors[0].field", equalTo("year"));
        as(assessor).body(Map.of("days", 7)).post("/api/v1/programs/{code}/years/2025/publication", y.program())
                .then().statusCode(409).body("type", endsWith("/no-assessments"));
        as(assessor).body(Map.of("days", 7)).post("/api/v1/programs/NO-SUCH/years/2024/publication").then()
                .statusCode(404);

        JsonPath published = as(assessor).body(Map.of("days", 7)).post(publication(y.program())).then()
                .statusCode(201).header("Location", endsWith(publication(y.program())))
                .header("ETag", notNullValue()).body("days", equalTo(7)).body("open", equalTo(true))
                .body("publishedBy", equalTo(assessor)).body("openObjections", equalTo(0)).extract().jsonPath();
        assertEquals(Duration.ofDays(7), Duration.between(OffsetDateTime.parse(published.getString("publishedAt")),
                OffsetDateTime.parse(published.getString("closesAt"))));
        as(assessor).body(Map.of("days", 3)).post(publication(y.program())).then().statusCode(409)
                .body("type", endsWith("/already-published"));

        // The state is visible on the ranking, the detail and the bulletin.
        assertEquals(List.of("PUBLISHED_FOR_OBJECTIONS", "PUBLISHED_FOR_OBJECTIONS"),
                ranking(y.program()).getList("items.state"));
        api().get("/api/v1/assessments/{id}", y.a()).then().statusCode(200)
                .body("summary.state", equalTo("PUBLISHED_FOR_OBJECTIONS")).body("summary.status", equalTo("COMPUTED"))
                .body("objectionWindow.days", equalTo(7)).body("openObjections", equalTo(0));
        api().get("/api/v1/programs/{code}/years/2024/bulletin", y.program()).then().statusCode(200)
                .body("ranking.state", contains("PUBLISHED_FOR_OBJECTIONS", "PUBLISHED_FOR_OBJECTIONS"))
                .body("objectionWindow.days", equalTo(7)).body("notices", hasItem(containsString("公示")));
        String page = Api.raw().accept("text/html,*/*;q=0.8")
                .get("/api/v1/programs/{code}/years/2024/bulletin/print", y.program()).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("未定稿（公示中）") && page.contains("起公示 7 天"), page);

        // The pair's county editor objects; another county's editor may not; bad input changes nothing.
        as(nanhu).body(Map.of("reason", "越权异议")).post(objections(y.a())).then().statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("/not-your-pairing"));
        as(Fixtures.user("viewer", null)).body(Map.of("reason", "x")).post(objections(y.a())).then().statusCode(403);
        as(liandu).body(Map.of("reason", " ")).post(objections(y.a())).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        as(liandu).body(Map.of("reason", 5, "extra", true)).post(objections(y.a())).then().statusCode(400);
        as(liandu).contentType(ContentType.JSON).body("[").post(objections(y.a())).then().statusCode(400);
        as(liandu).body(Map.of("reason", "x")).post("/api/v1/assessments/999999999/objections").then()
                .statusCode(404);
        api().get(objections(y.a())).then().statusCode(200).body("totalItems", equalTo(0));

        long upheld = as(liandu).body(Map.of("reason", "共建园区已于2024年6月投运，未计入加分")).post(objections(y.a())).then()
                .statusCode(201).header("Location", containsString(objections(y.a()) + "/")).body("state", equalTo("OPEN"))
                .body("filedBy", equalTo(liandu))
                .body("filedCounty", equalTo(LIANDU)).body("assessment", equalTo((int) y.a()))
                .body("pairing", equalTo((int) y.yiwuLiandu())).body("resolution", nullValue()).extract().jsonPath()
                .getLong("id");
        long rejected = as(liandu).body(Map.of("reason", "招商线索数量统计口径有误")).post(objections(y.a())).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        api().get("/api/v1/assessments/{id}", y.a()).then().body("openObjections", equalTo(2));
        api().get(publication(y.program())).then().statusCode(200).body("openObjections", equalTo(2))
                .body("open", equalTo(true));

        // Finalizing is refused while the window is open, whatever the objections.
        as(assessor).post("/api/v1/assessments/{id}/finalize", y.b()).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/objection-window-open"));
        as(assessor).post("/api/v1/assessments/{id}/finalize", y.a()).then().statusCode(409)
                .body("type", endsWith("/objection-window-open"));

        // Resolving: only an assessor; the outcome needs a coherent remedy; If-Match honoured.
        String one = objections(y.a()) + "/" + upheld;
        as(liandu).body(Map.of("outcome", "REJECTED", "reason", "自己驳回")).post(one + "/resolution").then()
                .statusCode(403);
        as(assessor).body(Map.of("outcome", "UPHELD", "reason", "缺补救")).post(one + "/resolution").then()
                .statusCode(400).body("errors[0].field", equalTo("remedy"));
        as(assessor).body(Map.of("outcome", "UPHELD", "remedy", "ADJUSTMENT", "reason", "缺调整"))
                .post(one + "/resolution").then().statusCode(400).body("errors[0].field", equalTo("adjustment"));
        as(assessor).body(Map.of("outcome", "REJECTED", "remedy", "RESCORE", "reason", "矛盾"))
                .post(one + "/resolution").then().statusCode(400).body("errors[0].field", equalTo("remedy"));
        as(assessor).body(Map.of("outcome", "MAYBE", "reason", "x")).post(one + "/resolution").then()
                .statusCode(400);
        as(assessor).body(Map.of("outcome", "UPHELD", "remedy", "ADJUSTMENT", "reason", "超上限",
                "adjustment", Map.of("item", "JOINT_PARK", "points", 3, "reason", "共建园区"))).post(one + "/resolution")
                .then().statusCode(400).body("errors[0].field", equalTo("points"));
        as(assessor).header("If-Match", "\"stale\"").body(Map.of("outcome", "REJECTED", "reason", "x"))
                .post(one + "/resolution").then().statusCode(412);
        api().get(one).then().statusCode(200).body("state", equalTo("OPEN"));
        api().get("/api/v1/assessments/{id}", y.a()).then().body("summary.total", comparesEqualTo(new BigDecimal("50.0")))
                .body("adjustments", empty());

        // Upheld with an adjustment: the score changes and the adjustment names the objection.
        String etag = api().get(one).then().statusCode(200).extract().header("ETag");
        JsonPath resolved = as(assessor).header("If-Match", etag)
                .body(Map.of("outcome", "UPHELD", "remedy", "ADJUSTMENT", "reason", "经核实园区已投运，予以加分",
                        "adjustment", Map.of("item", "JOINT_PARK", "points", 2, "reason", "共建园区（异议核实）")))
                .post(one + "/resolution").then().statusCode(200).header("ETag", notNullValue())
                .body("state", equalTo("UPHELD")).body("resolution.remedy", equalTo("ADJUSTMENT"))
                .body("resolution.resolvedBy", equalTo(assessor))
                .body("resolution.totalBefore", comparesEqualTo(new BigDecimal("50.0")))
                .body("resolution.totalAfter", comparesEqualTo(new BigDecimal("52.0"))).extract().jsonPath();
        long adjustment = resolved.getLong("resolution.adjustment");
        api().get("/api/v1/assessments/{id}", y.a()).then().statusCode(200)
                .body("summary.total", comparesEqualTo(new BigDecimal("52.0")))
                .body("adjustments[0].id", equalTo((int) adjustment))
                .body("adjustments[0].objection", equalTo((int) upheld)).body("openObjections", equalTo(1))
                .body("breakdownId", equalTo(resolved.getInt("resolution.breakdownAfter")));
        assertEquals(adjustment, ((Number) em.createNativeQuery("select adjustment_id from objection where id = ?1")
                .setParameter(1, upheld).getSingleResult()).longValue());
        as(assessor).body(Map.of("outcome", "REJECTED", "reason", "再议")).post(one + "/resolution").then()
                .statusCode(409).body("type", endsWith("/objection-resolved"));

        // The window closes: no more objections; finalizing waits for the unresolved one.
        moveClock(Duration.ofDays(7).plusMinutes(1));
        api().get(publication(y.program())).then().statusCode(200).body("open", equalTo(false));
        as(liandu).body(Map.of("reason", "迟到的异议")).post(objections(y.a())).then().statusCode(409)
                .body("type", endsWith("/objection-window-not-open")).body("detail", containsString("closed"));
        as(assessor).post("/api/v1/assessments/{id}/finalize", y.a()).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/objections-unresolved"));
        api().get("/api/v1/assessments/{id}", y.a()).then().body("summary.status", equalTo("COMPUTED"));

        // Rejected with a reason: the score stays.
        as(assessor).body(Map.of("outcome", "REJECTED", "reason", "统计口径符合考核办法，不予调整"))
                .post(objections(y.a()) + "/" + rejected + "/resolution").then().statusCode(200)
                .body("state", equalTo("REJECTED")).body("resolution.reason", equalTo("统计口径符合考核办法，不予调整"))
                .body("resolution.remedy", nullValue()).body("resolution.adjustment", nullValue());
        api().get("/api/v1/assessments/{id}", y.a()).then().body("summary.total", comparesEqualTo(new BigDecimal("52.0")))
                .body("openObjections", equalTo(0));

        // Now both are finalized; the ranking and the bulletin say so.
        as(assessor).post("/api/v1/assessments/{id}/finalize", y.a()).then().statusCode(200)
                .body("summary.status", equalTo("FINALIZED")).body("summary.state", equalTo("FINALIZED"));
        JsonPath after = ranking(y.program());
        assertEquals(List.of(y.b(), y.a()), after.getList("items.id", Long.class));
        assertEquals(List.of("PUBLISHED_FOR_OBJECTIONS", "FINALIZED"), after.getList("items.state"));
        as(assessor).post("/api/v1/assessments/{id}/finalize", y.b()).then().statusCode(200);
        api().get("/api/v1/programs/{code}/years/2024/bulletin", y.program()).then().statusCode(200)
                .body("ranking.state", contains("FINALIZED", "FINALIZED")).body("provisional", equalTo(false))
                .body("ranking[1].total", comparesEqualTo(new BigDecimal("52.0")));

        // The lists by state, with the county scope: Nanhu's editor sees none of Yiwu–Liandu's objections.
        String list = "/api/v1/programs/" + y.program() + "/years/2024/objections";
        api().get(list).then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.id", contains((int) upheld, (int) rejected));
        api().queryParam("state", "upheld").get(list).then().statusCode(200).body("items.id", contains((int) upheld))
                .body("items[0].resolution.adjustment", equalTo((int) adjustment)).body("totalItems", equalTo(1));
        api().queryParam("state", "REJECTED").get(list).then().body("items.id", contains((int) rejected));
        api().queryParam("state", "open").get(list).then().body("items", empty()).body("totalItems", equalTo(0));
        api().queryParam("state", "bogus").get(list).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("state"));
        api().queryParam("sort", "nope").get(list).then().statusCode(400).body("errors[0].field", equalTo("sort"));
        api().queryParam("size", 0).get(list).then().statusCode(400);
        api().queryParam("sort", "-id").queryParam("size", 1).get(list).then().body("items.id", contains((int) rejected))
                .body("totalItems", equalTo(2));
        as(liandu).get(list).then().statusCode(200).body("totalItems", equalTo(2));
        as(nanhu).get(list).then().statusCode(200).body("totalItems", equalTo(0)).body("items", empty());
        as(nanhu).get(objections(y.a())).then().statusCode(200).body("totalItems", equalTo(0));
        as(nanhu).get(one).then().statusCode(404);
        as(liandu).get(one).then().statusCode(200).body("state", equalTo("UPHELD"));
        api().get(objections(y.b())).then().statusCode(200).body("totalItems", equalTo(0));
        api().get(objections(y.a()) + "/" + upheld).then().statusCode(200);
        api().get(objections(y.b()) + "/" + upheld).then().statusCode(404);
        api().get("/api/v1/programs/{code}/years/2030/objections", y.program()).then().statusCode(400);

        // Every write is audited.
        api().queryParam("entityType", "Objection").queryParam("entityId", upheld).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.action", contains("UPDATE", "CREATE"))
                .body("items[1].actor", equalTo(liandu)).body("items[0].actor", equalTo(assessor));
        api().queryParam("entityType", "ObjectionWindow").get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItem("CREATE"));

        // Publishing, filing and resolving were told: the pair's counties and the assessors, in their feeds.
        String mine = "items.findAll { it.data.program == '" + y.program() + "' }";
        as(liandu).queryParam("size", 100).get("/api/v1/notifications").then().statusCode(200)
                .body(mine + ".type", equalTo(List.of("RESULTS_FINALIZED", "OBJECTION_RESOLVED", "OBJECTION_RESOLVED",
                        "OBJECTION_FILED", "OBJECTION_FILED", "RESULTS_PUBLISHED")))
                .body(mine + "[1].data.outcome", equalTo("REJECTED")).body(mine + "[2].data.outcome", equalTo("UPHELD"));
        as(assessor).queryParam("type", "OBJECTION_FILED").queryParam("size", 100).get("/api/v1/notifications").then()
                .statusCode(200).body(mine + ".data.reason", equalTo(List.of("招商线索数量统计口径有误", "共建园区已于2024年6月投运，未计入加分")));
        as(nanhu).queryParam("size", 100).get("/api/v1/notifications").then().statusCode(200)
                .body(mine + ".type", hasItem("RESULTS_PUBLISHED")).body(mine + ".type", not(hasItem("OBJECTION_FILED")));
    }

    @Test
    void anUpheldObjectionCanBeRescoredFromCorrectedData() {
        Year y = assessedYear();
        String liandu = Fixtures.user("county-editor", LIANDU);
        api().body(Map.of("days", 5)).post(publication(y.program())).then().statusCode(201);
        long objection = as(liandu).body(Map.of("reason", "供应链合同额漏报")).post(objections(y.a())).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        // The data are not locked during the window: the county corrects its actuals, the assessor rescores.
        values(y.yiwuLiandu(), "actuals", 100, 50);
        api().body(Map.of("outcome", "UPHELD", "remedy", "RESCORE", "reason", "数据更正后重新评分"))
                .post(objections(y.a()) + "/" + objection + "/resolution").then().statusCode(200)
                .body("resolution.remedy", equalTo("RESCORE"))
                .body("resolution.totalBefore", comparesEqualTo(new BigDecimal("50.0")))
                .body("resolution.totalAfter", comparesEqualTo(new BigDecimal("80.0")))
                .body("resolution.adjustment", nullValue());
        api().get("/api/v1/assessments/{id}", y.a()).then().body("summary.total", comparesEqualTo(new BigDecimal("80.0")));
        api().body(Map.of("outcome", "UPHELD", "remedy", "RESCORE", "adjustment",
                Map.of("item", "JOINT_PARK", "points", 1, "reason", "x"), "reason", "y"))
                .post(objections(y.a()) + "/" + objection + "/resolution").then().statusCode(400)
                .body("errors[0].field", equalTo("adjustment"));
    }

    @Test
    void anUnpublishedYearFinalizesAsBefore() {
        Year y = assessedYear();
        api().get("/api/v1/assessments/{id}", y.a()).then().body("objectionWindow", nullValue())
                .body("summary.state", equalTo("COMPUTED"));
        api().post("/api/v1/assessments/{id}/finalize", y.a()).then().statusCode(200)
                .body("summary.state", equalTo("FINALIZED"));
    }

    @Test
    void theListsCostTheSameStatementsWhateverThePageSize() {
        Year y = assessedYear();
        String liandu = Fixtures.user("county-editor", LIANDU);
        api().body(Map.of("days", 7)).post(publication(y.program())).then().statusCode(201);
        for (int i = 0; i < 6; i++) {
            as(liandu).body(Map.of("reason", "异议 " + i)).post(objections(y.a())).then().statusCode(201);
        }
        String list = "/api/v1/programs/" + y.program() + "/years/2024/objections";
        long two = Statements.of(() -> api().queryParam("size", 2).get(list).then().statusCode(200)
                .body("items", hasSize(2)));
        long six = Statements.of(() -> api().queryParam("size", 6).get(list).then().statusCode(200)
                .body("items", hasSize(6)));
        assertEquals(two, six, "2 per page: " + two + " statements, 6 per page: " + six);
        long ofAssessment = Statements.of(() -> api().queryParam("size", 6).get(objections(y.a())).then()
                .statusCode(200).body("items", hasSize(6)));
        assertTrue(ofAssessment <= six + 2, "per assessment: " + ofAssessment);
    }
}
