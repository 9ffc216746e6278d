package org.tandem.packaged;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * An assessment run whose service stops under it never stays RUNNING: after a SIGKILL the run is FAILED with the
 * reason (at once on the embedded database, once its lease runs out on PostgreSQL) and a new run of the same
 * programme-year starts; after a SIGTERM the service waits for the run, or fails it cleanly.
 */
class RunRecoveryIT {

    private static final Map<String, Object> RUN = Map.of("program", "SYN-2000", "year", 2023);

    @Test
    void aRunWhoseServiceStopsIsFailedWithItsReasonAndDoesNotBlockTheNextRun() throws Exception {
        Path dataDir = Files.createTempDirectory("tandem-runs");
        try (PackagedService service = new PackagedService(dataDir).readyWithin(Duration.ofMinutes(5)).with(
                "tandem.generate.pairings=2000",
                "tandem.generate.years=1", "tandem.generate.projects-per-year=10", "tandem.generate.activities-per-year=20",
                "tandem.assessment.run-lease=PT3S", "tandem.assessment.heartbeat=1s")) {
            service.start();
            ExtractableResponse<Response> first = service.api().body(RUN).post("/api/v1/assessment-runs").then()
                    .statusCode(202).body("status", equalTo("RUNNING")).extract();
            long killed = ((Number) first.path("id")).longValue();
            service.kill();

            service.start();
            awaitEnd(service, killed).then().body("status", equalTo("FAILED")).body("error",
                    containsString("stop"));
            long next = ((Number) service.api().body(RUN).post("/api/v1/assessment-runs").then().statusCode(202)
                    .extract().path("id")).longValue();
            assertNotEquals(killed, next, "the dead run was handed back instead of a new one");
            awaitEnd(service, next).then().body("status", equalTo("SUCCEEDED")).body("pairingsAssessed",
                    equalTo(2000));

            // SIGTERM in the middle of a run (a new scheme version makes it rewrite every assessment): the service
            // finishes it before it exits, or marks it FAILED; it never stays RUNNING.
            Map<String, Object> scheme = service.api().queryParam("program", "SYN-2000").queryParam("year", 2023)
                    .get("/api/v1/scoring-schemes").then().statusCode(200).extract().path("items[0]");
            long version = ((Number) service.api()
                    .body(Map.of("program", "SYN-2000", "year", 2023, "name", scheme.get("name") + " v2", "rules",
                            scheme.get("rules")))
                    .post("/api/v1/scoring-schemes").then().statusCode(201).extract().path("id")).longValue();
            service.api().post("/api/v1/scoring-schemes/{id}/publish", version).then().statusCode(200);
            long stopped = ((Number) service.api().body(RUN).post("/api/v1/assessment-runs").then().statusCode(202)
                    .extract().path("id")).longValue();
            service.terminate();
            service.start();
            Response after = service.api().get("/api/v1/assessment-runs/{id}", stopped);
            after.then().statusCode(200).body("status", not(equalTo("RUNNING")));
            if ("FAILED".equals(after.path("status"))) {
                after.then().body("error", containsString("stopped"));
            }
        }
    }

    /** The run once it is no longer RUNNING, waiting up to a minute. */
    private static Response awaitEnd(PackagedService service, long run) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Response response = service.api().get("/api/v1/assessment-runs/{id}", run);
            response.then().statusCode(200);
            if (!"RUNNING".equals(response.path("status"))) {
                return response;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + run + " is still RUNNING after a minute");
    }
}
