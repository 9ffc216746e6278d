package org.tandem.indicator;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.HANGZHOU_SHANGCHENG;
import static org.tandem.support.Fixtures.JINGNING;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;
import static org.tandem.support.Numbers.numberEqualTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;
import org.tandem.support.Statements;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Progress reports per period: indicators reported per quarter or half-year take values in the period reports of
 * the calendar, whose submissions the overdue list checks per period; the annual actuals and what they score stay
 * as they were.
 */
@QuarkusTest
class PeriodActualsTest {

    static final String CALENDAR = "/api/v1/programs/{code}/years/{year}/calendar";
    static final String OVERDUE = "/api/v1/programs/{code}/years/{year}/overdue";
    static final String PERIOD = "/api/v1/pairings/{id}/years/{year}/periods/{period}";

    static String indicator(String reportedPer) {
        String code = IndicatorTest.newCode();
        Map<String, Object> body = IndicatorTest.reported(code, "PROJECT_COOP");
        if (reportedPer != null) {
            body.put("reportedPer", reportedPer);
        }
        api().body(body).post("/api/v1/indicators").then().statusCode(201)
                .body("reportedPer", equalTo(reportedPer == null ? "ANNUAL" : reportedPer));
        return code;
    }

    static Map<String, Object> values(String indicator, Object value) {
        return Map.of("items", List.of(new java.util.HashMap<>(Map.of("indicator", indicator, "value", value))));
    }

    @Test
    void quarterlyReportsAreEnteredSubmittedAndListedLateOrMissingPerPeriodAndCounty() {
        String quarterly = indicator("QUARTER");
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG, JINGNING));
        long onTime = Fixtures.pairing(program, YIWU, LIANDU);
        long other = Fixtures.pairing(program, NANHU, SUICHANG);
        // Q1 is due in the future (so submitted on time); Q2 and Q3 were due long ago (the clock is today's).
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", "2099-01-31"),
                Map.of("period", "Q1", "dueOn", "2099-04-15"), Map.of("period", "Q2", "dueOn", "2024-07-15"),
                Map.of("period", "Q3", "dueOn", "2024-10-15")))).put(CALENDAR, program, 2024).then().statusCode(200);

        api().get(PERIOD, onTime, 2024, "Q1").then().statusCode(200).header("ETag", notNullValue())
                .body("period", equalTo("Q1")).body("dueOn", equalTo("2099-04-15"))
                .body("indicators", hasItem(quarterly)).body("items", equalTo(List.of()))
                .body("firstSubmittedAt", nullValue());
        String editor = Fixtures.user("county-editor", LIANDU);
        Api.as(editor, Fixtures.PASSWORD).body(values(quarterly, 12.5)).put(PERIOD, onTime, 2024, "Q1").then()
                .statusCode(200).body("items[0].indicator", equalTo(quarterly)).body("items[0].value", numberEqualTo(12.5));
        Api.as(editor, Fixtures.PASSWORD).body(Map.of("comment", "一季度进度")).post(PERIOD + "/submit", onTime, 2024, "Q1")
                .then().statusCode(200).body("firstSubmittedAt", notNullValue());
        // Once submitted, a change needs a reason.
        api().body(values(quarterly, 13)).put(PERIOD, onTime, 2024, "Q1").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        api().body(Map.of("items", List.of(Map.of("indicator", quarterly, "value", 13)), "reason", "更正"))
                .put(PERIOD, onTime, 2024, "Q1").then().statusCode(200).body("items[0].value", numberEqualTo(13));
        // Q2 submitted after its due date; Q3 never.
        api().body(values(quarterly, 20)).put(PERIOD, onTime, 2024, "Q2").then().statusCode(200);
        api().body(Map.of()).post(PERIOD + "/submit", onTime, 2024, "Q2").then().statusCode(200);
        api().body(Map.of()).post(PERIOD + "/submit", other, 2024, "Q1").then().statusCode(200);

        api().queryParam("period", "Q1").get(OVERDUE, program, 2024).then().statusCode(200)
                .body("totalItems", equalTo(0));
        api().queryParam("period", "Q2").get(OVERDUE, program, 2024).then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.pairing", equalTo(List.of((int) onTime, (int) other)))
                .body("items.status", equalTo(List.of("LATE", "MISSING")))
                .body("items.period", equalTo(List.of("Q2", "Q2")))
                .body("items[0].submittedAt", notNullValue()).body("items[0].daysLate", greaterThan(300))
                .body("items[0].dueOn", equalTo("2024-07-15"));
        api().queryParam("period", "Q2").queryParam("county", SUICHANG).get(OVERDUE, program, 2024).then()
                .body("totalItems", equalTo(1)).body("items[0].pairing", equalTo((int) other))
                .body("items[0].status", equalTo("MISSING"));
        api().queryParam("period", "Q2").queryParam("status", "LATE").get(OVERDUE, program, 2024).then()
                .body("totalItems", equalTo(1)).body("items[0].pairing", equalTo((int) onTime));
        api().queryParam("period", "Q3").queryParam("county", LIANDU).get(OVERDUE, program, 2024).then()
                .body("totalItems", equalTo(1)).body("items[0].status", equalTo("MISSING"))
                .body("items[0].submittedAt", nullValue());
        // The annual report is not due yet; a period not in the calendar is 404.
        api().get(OVERDUE, program, 2024).then().statusCode(200).body("totalItems", equalTo(0));
        api().queryParam("period", "H1").get(OVERDUE, program, 2024).then().statusCode(404)
                .contentType("application/problem+json");

        // The history keeps each value and the submissions with their period.
        api().queryParam("indicator", quarterly).queryParam("sort", "occurredAt")
                .get("/api/v1/pairings/{id}/years/2024/history", onTime).then().statusCode(200)
                .body("items.period", equalTo(List.of("Q1", "Q1", "Q2")))
                .body("items[0].newValue", numberEqualTo(12.5)).body("items[1].newValue", numberEqualTo(13))
                .body("items[2].newValue", numberEqualTo(20));
        api().queryParam("kind", "WORKFLOW").get("/api/v1/pairings/{id}/years/2024/history", onTime).then()
                .body("items.period", equalTo(List.of("Q2", "Q1"))).body("items.action", equalTo(List.of("SUBMIT",
                        "SUBMIT")));
        // Every write is audited.
        api().queryParam("entityType", "PeriodValue").queryParam("actor", editor).get("/api/v1/audit-events").then()
                .statusCode(200).body("totalItems", greaterThan(0));
    }

    @Test
    void periodValuesLeaveTheAnnualActualsAndWhatIsScoredAlone() {
        String quarterly = indicator("QUARTER");
        String annual = indicator(null);
        long pairing = Fixtures.yiwuLiandu();
        String program = api().get("/api/v1/pairings/{id}", pairing).then().extract().path("program");
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", "2025-01-31"),
                Map.of("period", "Q1", "dueOn", "2024-04-15")))).put(CALENDAR, program, 2024).then().statusCode(200);
        api().body(values(annual, 7)).put("/api/v1/pairings/{id}/years/2024/actuals", pairing).then().statusCode(200);
        String actualsBefore = api().get("/api/v1/pairings/{id}/years/2024/actuals", pairing).then().statusCode(200)
                .extract().asString();
        String progressBefore = api().get("/api/v1/pairings/{id}/years/2024/progress", pairing).then().statusCode(200)
                .extract().asString();

        api().body(values(quarterly, 99)).put(PERIOD, pairing, 2024, "Q1").then().statusCode(200);
        api().body(Map.of()).post(PERIOD + "/submit", pairing, 2024, "Q1").then().statusCode(200);

        assertEquals(actualsBefore, api().get("/api/v1/pairings/{id}/years/2024/actuals", pairing).then()
                .statusCode(200).extract().asString());
        assertEquals(progressBefore, api().get("/api/v1/pairings/{id}/years/2024/progress", pairing).then()
                .statusCode(200).extract().asString());
        api().get("/api/v1/pairings/{id}/years/2024/actuals", pairing).then()
                .body("items.indicator", not(hasItem(quarterly)));
    }

    @Test
    void wrongGranularityPeriodsScopesAndStaleVersionsAreRefused() {
        String quarterly = indicator("QUARTER");
        String halfYearly = indicator("HALF_YEAR");
        String annual = indicator(null);
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        long another = Fixtures.pairing(program, NANHU, SUICHANG);
        api().body(values(quarterly, 1)).put(PERIOD, pairing, 2024, "Q1").then().statusCode(404)
                .contentType("application/problem+json");
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", "2025-01-31"),
                Map.of("period", "Q1", "dueOn", "2024-04-15"), Map.of("period", "H1", "dueOn", "2024-07-15"))))
                .put(CALENDAR, program, 2024).then().statusCode(200);

        // Each indicator in its own granularity only; ANNUAL values are the annual actuals.
        api().body(values(halfYearly, 1)).put(PERIOD, pairing, 2024, "Q1").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("items[0].indicator"));
        api().body(values(quarterly, 1)).put(PERIOD, pairing, 2024, "H1").then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].indicator"));
        api().body(values(annual, 1)).put(PERIOD, pairing, 2024, "Q1").then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].indicator"));
        api().body(values("NO_SUCH_INDICATOR", 1)).put(PERIOD, pairing, 2024, "Q1").then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].indicator"));
        api().body(values(quarterly, -1)).put(PERIOD, pairing, 2024, "Q1").then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].value"));
        api().body(values(quarterly, 1.23456)).put(PERIOD, pairing, 2024, "Q1").then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].value"));
        api().body(values(quarterly, 1)).put(PERIOD, pairing, 2024, "ANNUAL").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        api().body(values(quarterly, 1)).put(PERIOD, pairing, 2024, "Q9").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        api().body(values(quarterly, 1)).put(PERIOD, pairing, 2030, "Q1").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        api().body(values(quarterly, 1)).put(PERIOD, pairing, 2024, "Q2").then().statusCode(404);
        api().get(PERIOD, pairing, 2024, "Q1").then().body("items", equalTo(List.of()));
        api().body(values(halfYearly, 2)).put(PERIOD, pairing, 2024, "H1").then().statusCode(200)
                .body("items[0].value", numberEqualTo(2));

        // A county editor of another pair may not write this one's reports; a viewer may read them.
        String stranger = Fixtures.user("county-editor", SUICHANG);
        Api.as(stranger, Fixtures.PASSWORD).body(values(quarterly, 1)).put(PERIOD, pairing, 2024, "Q1").then()
                .statusCode(403).contentType("application/problem+json");
        Api.as(stranger, Fixtures.PASSWORD).body(Map.of()).post(PERIOD + "/submit", pairing, 2024, "Q1").then()
                .statusCode(403);
        Api.as(stranger, Fixtures.PASSWORD).body(values(quarterly, 1)).put(PERIOD, another, 2024, "Q1").then()
                .statusCode(200);
        String viewer = Fixtures.user("viewer", null);
        Api.as(viewer, Fixtures.PASSWORD).get(PERIOD, pairing, 2024, "H1").then().statusCode(200);
        Api.as(viewer, Fixtures.PASSWORD).body(values(quarterly, 1)).put(PERIOD, pairing, 2024, "Q1").then()
                .statusCode(403);
        api().get(PERIOD, pairing, 2024, "Q1").then().body("items", equalTo(List.of()));

        // If-Match: the GET's ETag, refused once the report changed.
        String etag = api().get(PERIOD, pairing, 2024, "Q1").then().extract().header("ETag");
        api().header("If-Match", etag).body(values(quarterly, 5)).put(PERIOD, pairing, 2024, "Q1").then()
                .statusCode(200);
        api().header("If-Match", etag).body(values(quarterly, 6)).put(PERIOD, pairing, 2024, "Q1").then()
                .statusCode(412);
        api().header("If-Match", etag).body(Map.of()).post(PERIOD + "/submit", pairing, 2024, "Q1").then()
                .statusCode(412);
        api().get(PERIOD, pairing, 2024, "Q1").then().body("items[0].value", numberEqualTo(5))
                .body("firstSubmittedAt", nullValue());

        // An indicator with period values keeps its granularity; a DERIVED one is reported for the year.
        Map<String, Object> change = IndicatorTest.reported(quarterly, "PROJECT_COOP");
        change.put("reportedPer", "HALF_YEAR");
        api().body(change).put("/api/v1/indicators/{code}", quarterly).then().statusCode(409);
        Map<String, Object> derived = IndicatorTest.derived(IndicatorTest.newCode(), "PROJECT_COOP",
                Map.of("from", "PROJECT", "aggregate", "COUNT", "projectStatus", "SIGNED"));
        derived.put("reportedPer", "QUARTER");
        api().body(derived).post("/api/v1/indicators").then().statusCode(400)
                .body("errors[0].field", equalTo("reportedPer"));
        api().get("/api/v1/indicators/{code}", annual).then().body("reportedPer", equalTo("ANNUAL"));
    }

    @Test
    void anOverduePageCostsTheSameStatementsWhateverItsSize() {
        String program = Fixtures.program(List.of(YIWU, NANHU, HANGZHOU_SHANGCHENG), List.of(LIANDU, SUICHANG,
                JINGNING));
        long first = Fixtures.pairing(program, YIWU, LIANDU);
        Fixtures.pairing(program, NANHU, SUICHANG);
        Fixtures.pairing(program, HANGZHOU_SHANGCHENG, JINGNING);
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", "2025-01-31"),
                Map.of("period", "H2", "dueOn", "2024-07-31")))).put(CALENDAR, program, 2024).then().statusCode(200);
        api().body(Map.of()).post(PERIOD + "/submit", first, 2024, "H2").then().statusCode(200);
        long one = Statements.of(() -> api().queryParam("period", "H2").queryParam("size", 1)
                .get(OVERDUE, program, 2024).then().statusCode(200).body("items.size()", equalTo(1)));
        long three = Statements.of(() -> api().queryParam("period", "H2").queryParam("size", 3)
                .get(OVERDUE, program, 2024).then().statusCode(200).body("items.size()", equalTo(3))
                .body("items.status", equalTo(List.of("LATE", "MISSING", "MISSING"))));
        assertEquals(one, three, "statements of a page of 1 and of 3");
    }
}
