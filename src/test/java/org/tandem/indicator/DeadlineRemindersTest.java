package org.tandem.indicator;

import static org.hamcrest.Matchers.equalTo;
import static org.tandem.support.Api.api;
import static org.tandem.support.Api.as;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.PASSWORD;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The counties of pairs whose annual report has not come are reminded before its due date and told when it has
 * passed (the assessors too), once per period however often the check runs; a pair that submitted is told nothing.
 * The check is the scheduled job's (off in tests, so that nothing is recorded behind another test's back): the test
 * runs it as the timer would, and reads the feeds over HTTP.
 */
@QuarkusTest
class DeadlineRemindersTest {

    private static final String FEED = "/api/v1/notifications";

    @Inject
    DeadlineReminders reminders;

    @Test
    void aDeadlineNearIsRemindedOfAndAPassedOneToldOnceToThePairsWithoutTheirReport() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long late = Fixtures.pairing(program, YIWU, LIANDU);
        long done = Fixtures.pairing(program, NANHU, SUICHANG);
        api().body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", 1))))
                .put("/api/v1/pairings/{id}/years/2024/actuals", done).then().statusCode(200);
        api().body(Map.of()).post("/api/v1/pairings/{id}/years/2024/actuals/submit", done).then().statusCode(200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // 2024's report was due long ago; 2025's is due in three days.
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", "2025-01-31"))))
                .put("/api/v1/programs/{code}/years/2024/calendar", program).then().statusCode(200);
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", today.plusDays(3).toString()))))
                .put("/api/v1/programs/{code}/years/2025/calendar", program).then().statusCode(200);
        String liandu = Fixtures.user("county-editor", LIANDU);
        String suichang = Fixtures.user("county-editor", SUICHANG);
        String assessor = Fixtures.user("assessor", null);

        reminders.check();
        reminders.check(); // a second check tells nobody again

        as(liandu, PASSWORD).queryParam("pairing", late).get(FEED).then().statusCode(200)
                .body("items.type", equalTo(List.of("DEADLINE_APPROACHING", "DEADLINE_MISSED")))
                .body("items.year", equalTo(List.of(2025, 2024)))
                .body("items.data.dueOn", equalTo(List.of(today.plusDays(3).toString(), "2025-01-31")))
                .body("items.data.period", equalTo(List.of("ANNUAL", "ANNUAL")))
                .body("items.data.program", equalTo(List.of(program, program)));
        // The pair that submitted 2024 is reminded of 2025 only.
        as(suichang, PASSWORD).queryParam("pairing", done).get(FEED).then().statusCode(200)
                .body("items.type", equalTo(List.of("DEADLINE_APPROACHING", "SUBMISSION_WAITING")))
                .body("items[0].year", equalTo(2025));
        // The assessors hear of the missed report, not of the reminder.
        as(assessor, PASSWORD).queryParam("pairing", late).get(FEED).then().statusCode(200)
                .body("items.type", equalTo(List.of("DEADLINE_MISSED")));
    }

    @Test
    void aProgressReportSubmittedCountsForItsPeriod() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long late = Fixtures.pairing(program, YIWU, LIANDU);
        long done = Fixtures.pairing(program, NANHU, SUICHANG);
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", "2099-01-31"),
                Map.of("period", "Q1", "dueOn", "2024-04-15"))))
                .put("/api/v1/programs/{code}/years/2024/calendar", program).then().statusCode(200);
        api().body(Map.of()).post("/api/v1/pairings/{id}/years/2024/periods/Q1/submit", done).then().statusCode(200);
        String liandu = Fixtures.user("county-editor", LIANDU);
        String suichang = Fixtures.user("county-editor", SUICHANG);

        reminders.check();

        as(liandu, PASSWORD).queryParam("pairing", late).get(FEED).then().statusCode(200)
                .body("items.type", equalTo(List.of("DEADLINE_MISSED")))
                .body("items.data.period", equalTo(List.of("Q1")));
        as(suichang, PASSWORD).queryParam("pairing", done).get(FEED).then().statusCode(200)
                .body("items.type", equalTo(List.of()));
    }
}
