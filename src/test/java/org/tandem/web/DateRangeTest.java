package org.tandem.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.YIWU;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every date the API takes lies between 1949-10-01 and 2100-12-31, and a date of something that has happened (a
 * project's step, an activity held) not after today in Asia/Shanghai: anything else is a 400 naming the field, and
 * changes nothing. Years the database's calendar would change (0, 1582, 10000) never reach it.
 */
@QuarkusTest
class DateRangeTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    private static final String TOMORROW = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();

    private static Map<String, Object> project(String plannedOn) {
        Map<String, Object> body = new HashMap<>(Map.of("track", "PROJECT_COOP", "title", "环龙新材料一期",
                "hostCounty", LIANDU));
        body.put("plannedOn", plannedOn);
        return body;
    }

    @ParameterizedTest
    @ValueSource(strings = { "0000-01-01", "1582-10-10", "+10000-01-01", "1949-09-30", "2099-01-01", "tomorrow" })
    void aProjectPlannedOutsideTheRangeOrInTheFutureIs400(String plannedOn) {
        long pairing = Fixtures.yiwuLiandu();
        String date = plannedOn.equals("tomorrow") ? TOMORROW : plannedOn;
        api().body(project(date)).post("/api/v1/pairings/{id}/projects", pairing).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("plannedOn"))
                .body("errors[0].message", equalTo(
                        "must be between 1949-10-01 and today (" + TODAY + ", Asia/Shanghai)"));
        api().get("/api/v1/pairings/{id}/projects", pairing).then().body("totalItems", equalTo(0));
    }

    @Test
    void theRangeIncludesItsEnds() {
        long pairing = Fixtures.yiwuLiandu();
        long project = api().body(project("1949-10-01")).post("/api/v1/pairings/{id}/projects", pairing).then()
                .statusCode(201).body("plannedOn", equalTo("1949-10-01")).extract().jsonPath().getLong("id");
        api().body(Map.of("to", "SIGNED", "on", TODAY)).post("/api/v1/projects/{id}/transitions", project).then()
                .statusCode(200).body("signedOn", equalTo(TODAY));
        api().body(Map.of("name", "园区", "hostCounty", LIANDU, "establishedOn", "2100-12-31"))
                .post("/api/v1/pairings/{id}/parks", pairing).then().statusCode(201)
                .body("establishedOn", equalTo("2100-12-31"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2099-05-01", "tomorrow", "+10000-01-01" })
    void aStepCannotBeDatedInTheFuture(String on) {
        io.restassured.response.Response created = api().body(project("2023-06-01"))
                .post("/api/v1/pairings/{id}/projects", Fixtures.yiwuLiandu()).then().statusCode(201).extract()
                .response();
        long project = created.jsonPath().getLong("id");
        api().body(Map.of("to", "IN_PRODUCTION", "on", on.equals("tomorrow") ? TOMORROW : on))
                .post("/api/v1/projects/{id}/transitions", project).then().statusCode(400)
                .body("errors[0].field", equalTo("on"));
        api().get("/api/v1/projects/{id}", project).then().body("status", equalTo("PLANNED"))
                .body("productionStartedOn", nullValue()).header("ETag", equalTo(created.header("ETag")));
    }

    @Test
    void anActivityCannotBeHeldInTheFuture() {
        long pairing = Fixtures.yiwuLiandu();
        Map<String, Object> body = Map.of("track", "DIGITAL_ASSIST", "kind", "ENTERPRISE_DIAGNOSIS", "heldOn",
                "2099-03-15", "title", "诊断");
        api().body(body).post("/api/v1/pairings/{id}/activities", pairing).then().statusCode(400)
                .body("errors[0].field", equalTo("heldOn"));
        api().get("/api/v1/pairings/{id}/activities", pairing).then().body("totalItems", equalTo(0));
    }

    @Test
    void parkAndPairingDatesStayInTheRange() {
        long pairing = Fixtures.yiwuLiandu();
        api().body(Map.of("name", "园区", "hostCounty", LIANDU, "establishedOn", "2101-01-01"))
                .post("/api/v1/pairings/{id}/parks", pairing).then().statusCode(400)
                .body("errors[0].field", equalTo("establishedOn"))
                .body("errors[0].message", equalTo("must be between 1949-10-01 and 2100-12-31"));
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        api().body(Map.of("program", program, "industrialCounty", YIWU, "mountainCounty", LIANDU, "formedOn",
                "0000-01-01")).post("/api/v1/pairings").then().statusCode(400)
                .body("errors[0].field", equalTo("formedOn"));
        api().queryParam("program", program).get("/api/v1/pairings").then().body("totalItems", equalTo(0));
        api().contentType("application/merge-patch+json").body(Map.of("formedOn", "1582-10-10"))
                .patch("/api/v1/pairings/{id}", pairing).then().statusCode(400)
                .body("errors[0].field", equalTo("formedOn"));
        api().get("/api/v1/pairings/{id}", pairing).then().body("formedOn", nullValue());
    }

    @Test
    void queryDatesStayInTheRange() {
        api().queryParam("asOf", "0000-01-01").get("/api/v1/programs/ZJ-MFG-2023/park-coverage").then()
                .statusCode(400).body("errors[0].field", equalTo("asOf"));
        api().queryParam("from", "1900-01-01T00:00:00Z").get("/api/v1/audit-events").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        api().queryParam("to", "2101-01-01T00:00:00+08:00").get("/api/v1/audit-events").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        api().queryParam("from", "2024-01-01T00:00:00+08:00").get("/api/v1/audit-events").then().statusCode(200);
    }
}
