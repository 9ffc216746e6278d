package org.tandem.indicator;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.HANGZHOU_SHANGCHENG;
import static org.tandem.support.Fixtures.JINGNING;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** The reporting calendar of a programme's year, and the submissions late or missing against it. */
@QuarkusTest
class ReportingCalendarTest {

    static final String CALENDAR = "/api/v1/programs/{code}/years/{year}/calendar";
    static final String OVERDUE = "/api/v1/programs/{code}/years/{year}/overdue";

    static Map<String, Object> period(String period, String dueOn) {
        return Map.of("period", period, "dueOn", dueOn);
    }

    static String actuals(long pairing, int year) {
        return "/api/v1/pairings/" + pairing + "/years/" + year + "/actuals";
    }

    @Test
    void lateAndMissingSubmissionsAreListedPerPeriodAndCounty() {
        String program = Fixtures.program(List.of(YIWU, NANHU, HANGZHOU_SHANGCHENG), List.of(LIANDU, SUICHANG, JINGNING));
        long submitted = Fixtures.pairing(program, YIWU, LIANDU);
        long halfConfirmed = Fixtures.pairing(program, NANHU, SUICHANG);
        long untouched = Fixtures.pairing(program, HANGZHOU_SHANGCHENG, JINGNING);
        api().body(Map.of("levels", List.of("PAIR_COUNTIES", "PROVINCE")))
                .put("/api/v1/programs/{code}/approval-chain", program).then().statusCode(200);
        api().get(CALENDAR, program, 2024).then().statusCode(200).body("periods", equalTo(List.of()));
        api().get(OVERDUE, program, 2024).then().statusCode(404).contentType("application/problem+json");
        // 2024's annual report was due long ago (the service's clock is today's); 2025's is due in the future.
        api().body(Map.of("periods", List.of(period("Q1", "2024-04-15"), period("ANNUAL", "2025-01-31"))))
                .put(CALENDAR, program, 2024).then().statusCode(200)
                .body("periods.period", equalTo(List.of("ANNUAL", "Q1")))
                .body("periods[0].dueOn", equalTo("2025-01-31"));
        String farAhead = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(1).toString();
        api().body(Map.of("periods", List.of(period("ANNUAL", farAhead)))).put(CALENDAR, program, 2025).then()
                .statusCode(200);

        for (int year : List.of(2024, 2025)) {
            api().body(Map.of("county", YIWU)).post(actuals(submitted, year) + "/confirm").then().statusCode(200);
            api().body(Map.of("county", LIANDU)).post(actuals(submitted, year) + "/confirm").then().statusCode(200)
                    .body("state", equalTo("SUBMITTED"));
            // One county's confirmation is no submission.
            api().body(Map.of("county", SUICHANG)).post(actuals(halfConfirmed, year) + "/confirm").then()
                    .statusCode(200).body("state", equalTo("DRAFT"));
        }

        String viewer = Fixtures.user("viewer", null);
        Api.as(viewer, Fixtures.PASSWORD).get(OVERDUE, program, 2024).then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.pairing", equalTo(List.of((int) submitted, (int) halfConfirmed, (int) untouched)))
                .body("items.status", equalTo(List.of("LATE", "MISSING", "MISSING")))
                .body("items[0].submittedAt", notNullValue()).body("items[1].submittedAt", nullValue())
                .body("items[0].period", equalTo("ANNUAL")).body("items[0].dueOn", equalTo("2025-01-31"))
                .body("items[0].daysLate", greaterThan(600))
                .body("items[0].industrialCounty.code", equalTo(YIWU));
        api().queryParam("status", "LATE").get(OVERDUE, program, 2024).then().body("totalItems", equalTo(1))
                .body("items[0].pairing", equalTo((int) submitted));
        api().queryParam("status", "MISSING").queryParam("county", JINGNING).get(OVERDUE, program, 2024).then()
                .body("totalItems", equalTo(1)).body("items[0].pairing", equalTo((int) untouched));
        api().queryParam("county", SUICHANG).queryParam("size", 1).get(OVERDUE, program, 2024).then()
                .body("totalItems", equalTo(1)).body("items[0].status", equalTo("MISSING"));
        // Not due yet: nothing is late or missing.
        api().get(OVERDUE, program, 2025).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void badCalendarsAndQueriesAre400() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        api().body(Map.of("periods", List.of(period("Q1", "2024-04-15")))).put(CALENDAR, program, 2024).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("periods"));
        api().body(Map.of("periods", List.of(period("ANNUAL", "2025-01-31"), period("ANNUAL", "2025-02-28"))))
                .put(CALENDAR, program, 2024).then().statusCode(400)
                .body("errors[0].field", equalTo("periods[1].period"));
        api().body(Map.of("periods", List.of(period("ANNUAL", "2025-01-31"), period("H2", "2024-06-30"))))
                .put(CALENDAR, program, 2024).then().statusCode(400)
                .body("errors[0].field", equalTo("periods[1].dueOn"));
        api().body(Map.of("periods", List.of(period("ANNUAL", "2031-01-31")))).put(CALENDAR, program, 2030).then()
                .statusCode(400).body("errors[0].field", equalTo("year"));
        api().body(Map.of("periods", List.of(period("Q5", "2025-01-31")))).put(CALENDAR, program, 2024).then()
                .statusCode(400).contentType("application/problem+json");
        api().body(Map.of("periods", List.of(period("ANNUAL", "31.01.2025")))).put(CALENDAR, program, 2024).then()
                .statusCode(400).contentType("application/problem+json");
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL")))).put(CALENDAR, program, 2024).then()
                .statusCode(400).contentType("application/problem+json");
        api().body(Map.of()).put(CALENDAR, program, 2024).then().statusCode(400)
                .contentType("application/problem+json");
        api().get(CALENDAR, program, 2024).then().body("periods", equalTo(List.of()));
        String editor = Fixtures.user("county-editor", LIANDU);
        Api.as(editor, Fixtures.PASSWORD).body(Map.of("periods", List.of(period("ANNUAL", "2025-01-31"))))
                .put(CALENDAR, program, 2024).then().statusCode(403);

        String etag = api().body(Map.of("periods", List.of(period("ANNUAL", "2025-01-31"))))
                .put(CALENDAR, program, 2024).then().statusCode(200).extract().header("ETag");
        api().header("If-Match", etag).body(Map.of("periods", List.of(period("ANNUAL", "2025-02-28"))))
                .put(CALENDAR, program, 2024).then().statusCode(200);
        api().header("If-Match", etag).body(Map.of("periods", List.of(period("ANNUAL", "2025-03-31"))))
                .put(CALENDAR, program, 2024).then().statusCode(412);
        api().get(CALENDAR, program, 2024).then().body("periods[0].dueOn", equalTo("2025-02-28"));

        // A period the calendar does not have.
        api().queryParam("period", "Q1").get(OVERDUE, program, 2024).then().statusCode(404)
                .contentType("application/problem+json");
        api().queryParam("period", "NOPE").get(OVERDUE, program, 2024).then().statusCode(400)
                .contentType("application/problem+json");
        api().queryParam("county", "abc").get(OVERDUE, program, 2024).then().statusCode(400)
                .contentType("application/problem+json");
        api().queryParam("status", "LATER").get(OVERDUE, program, 2024).then().statusCode(400)
                .contentType("application/problem+json");
        api().get(OVERDUE, "NO-SUCH", 2024).then().statusCode(404).contentType("application/problem+json");

        // The calendar and the approval chain belong to the program: they go with it.
        api().body(Map.of("levels", List.of("CITY", "PROVINCE"))).put("/api/v1/programs/{code}/approval-chain", program)
                .then().statusCode(200);
        api().delete("/api/v1/programs/{code}", program).then().statusCode(204);
        api().get(CALENDAR, program, 2024).then().statusCode(404);
    }
}
