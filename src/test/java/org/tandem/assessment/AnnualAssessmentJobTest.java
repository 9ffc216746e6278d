package org.tandem.assessment;

import static org.hamcrest.Matchers.equalTo;
import static org.tandem.support.Api.api;

import java.time.Year;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** The scheduled job (off by default) runs last year's assessment of every program that covers it. */
@QuarkusTest
class AnnualAssessmentJobTest {

    @Inject
    AnnualAssessmentJob job;

    @Test
    void startsARunForLastYearOfAProgramWithAPublishedScheme() {
        int lastYear = Year.now().getValue() - 1;
        String program = Fixtures.uniqueCode("JOB");
        api().body(Map.of("code", program, "name", "定时考核", "startYear", lastYear, "endYear", lastYear))
                .post("/api/v1/programs").then().statusCode(201);
        api().body(Map.of("industrial", List.of(Fixtures.YIWU), "mountain", List.of(Fixtures.LIANDU)))
                .put("/api/v1/programs/{code}/counties", program).then().statusCode(200);
        Fixtures.pairing(program, Fixtures.YIWU, Fixtures.LIANDU);
        long scheme = api().body(Map.of("program", program, "year", lastYear, "name", "办法", "rules",
                AnnualAssessmentTest.rules())).post("/api/v1/scoring-schemes").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        api().post("/api/v1/scoring-schemes/{id}/publish", scheme).then().statusCode(200);

        job.runLastYear();

        api().queryParam("program", program).get("/api/v1/assessment-runs").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].requestedBy", equalTo("scheduler"))
                .body("items[0].year", equalTo(lastYear));
    }
}
