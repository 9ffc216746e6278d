package org.tandem.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tandem.assessment.AnnualAssessmentTest;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** /q/metrics is for admins: the pool, request timings and the rest in Prometheus's text format. */
@QuarkusTest
class MetricsTest {

    private static final Pattern LINE = Pattern.compile("^([a-z_]+)\\{((?:[^\"}]|\"[^\"]*\")*)\\} (\\S+)$",
            Pattern.MULTILINE);

    private static String metrics() {
        return Api.raw().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the sample {@code name} whose labels include every one of {@code labels}, or 0 if none. */
    private static double value(String metrics, String name, String... labels) {
        Matcher line = LINE.matcher(metrics);
        while (line.find()) {
            if (line.group(1).equals(name) && List.of(line.group(2).split(",")).containsAll(List.of(labels))) {
                return Double.parseDouble(line.group(3));
            }
        }
        return 0;
    }

    /** Every sample of {@code name} by its value of the label {@code label}. */
    private static Map<String, Double> byLabel(String metrics, String name, String label) {
        Map<String, Double> values = new TreeMap<>();
        Matcher line = LINE.matcher(metrics);
        Pattern value = Pattern.compile(label + "=\"([^\"]*)\"");
        while (line.find()) {
            Matcher found = value.matcher(line.group(2));
            if (line.group(1).equals(name) && found.find()) {
                values.put(found.group(1), Double.parseDouble(line.group(3)));
            }
        }
        return values;
    }

    @Test
    void anAdminReadsEveryFamily() {
        given().auth().oauth2(Api.token("admin", Api.ADMIN_PASSWORD)).get("/q/metrics").then().statusCode(200)
                .body(containsString("agroal_active_count")).body(containsString("agroal_awaiting_count"))
                .body(containsString("agroal_blocking_time_total_milliseconds"))
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("tandem_login_failures_total{reason=\"wrong_password\"}"))
                .body(containsString("tandem_read_cache_gets_total"))
                .body(containsString("tandem_writes_seconds_count{outcome=\"committed\"}"))
                .body(containsString("tandem_assessment_runs_seconds_count{outcome=\"succeeded\"}"));
    }

    @Test
    void nobodyElseDoes() {
        given().get("/q/metrics").then().statusCode(401);
        String viewer = Fixtures.user("viewer", null);
        given().auth().oauth2(Api.token(viewer, Fixtures.PASSWORD)).get("/q/metrics").then().statusCode(403);
    }

    @Test
    void aFailedLoginIsCountedByItsReasonWithoutTheUsername() {
        String user = Fixtures.user("viewer", null);
        String before = metrics();
        login(user, "not-the-password");
        login("nobody-" + user, "whatever");
        login("nobody-" + user, "whatever");
        String after = metrics();
        assertEquals(value(before, "tandem_login_failures_total", "reason=\"wrong_password\"") + 1,
                value(after, "tandem_login_failures_total", "reason=\"wrong_password\""));
        assertEquals(value(before, "tandem_login_failures_total", "reason=\"unknown_user\"") + 2,
                value(after, "tandem_login_failures_total", "reason=\"unknown_user\""));
        assertFalse(after.contains(user), "a username in the metrics");
    }

    private static void login(String username, String password) {
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then().statusCode(401);
    }

    @Test
    void aReadTwiceIsAMissThenAHitNamedByItsRouteTemplate() {
        String program = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        String[] hit = { "read=\"/api/v1/pairings\"", "result=\"hit\"" };
        String[] miss = { "read=\"/api/v1/pairings\"", "result=\"miss\"" };
        String before = metrics();
        api().queryParam("program", program).get("/api/v1/pairings").then().statusCode(200);
        String between = metrics();
        api().queryParam("program", program).get("/api/v1/pairings").then().statusCode(200);
        String after = metrics();
        assertEquals(value(before, "tandem_read_cache_gets_total", miss) + 1,
                value(between, "tandem_read_cache_gets_total", miss));
        assertEquals(value(before, "tandem_read_cache_gets_total", hit),
                value(between, "tandem_read_cache_gets_total", hit));
        assertEquals(value(between, "tandem_read_cache_gets_total", hit) + 1,
                value(after, "tandem_read_cache_gets_total", hit));
        assertEquals(value(between, "tandem_read_cache_gets_total", miss),
                value(after, "tandem_read_cache_gets_total", miss));
        assertFalse(after.contains(program), "a query in the metrics");
    }

    @Test
    void requestsAreTimedByRouteTemplateNeverByTheirOwnPath() {
        long pairing = Fixtures.yiwuLiandu();
        api().get("/api/v1/pairings/{id}", pairing).then().statusCode(200);
        api().get("/api/v1/pairings/{id}", 987654321).then().statusCode(404);
        Api.raw().get("/api/v1/pairings/98765abc").then().statusCode(400);
        Api.raw().get("/api/v1/no-such-things/98765").then().statusCode(404);
        Api.raw().get("/no-such-place-98765/x").then().statusCode(404);
        given().get("/api/v1/pairings/{id}", 98765).then().statusCode(401);
        Api.raw().delete("/api/v1/counties/98765").then().statusCode(405);
        given().get("/q/metrics/98765").then().statusCode(401);
        Api.raw().get("/api/v1/pairings/" + "x".repeat(5000) + "98765").then().statusCode(414);
        String metrics = metrics();
        Map<String, Double> uris = byLabel(metrics, "http_server_requests_seconds_count", "uri");
        assertTrue(uris.keySet().containsAll(List.of("/api/v1/pairings/{id}", "NOT_FOUND", "UNMATCHED")),
                uris.keySet().toString());
        for (String uri : uris.keySet()) {
            assertFalse(uri.matches(".*/\\d+(/.*)?") || uri.contains("98765") || uri.contains("no-such"),
                    "a raw path in the request metrics: " + uri);
        }
        assertFalse(metrics.contains("/" + pairing), "an id in the metrics");
    }

    @Test
    void aRunRecordsItsPhasesAndAWriteItsLatency() {
        String before = metrics();
        String program = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        Fixtures.pairing(program, Fixtures.YIWU, Fixtures.LIANDU);
        AnnualAssessmentTest.publishedScheme(program, 2024);
        String written = metrics();
        assertTrue(value(written, "tandem_writes_seconds_count",
                "outcome=\"committed\"") >= value(before, "tandem_writes_seconds_count", "outcome=\"committed\"") + 4);
        assertTrue(value(written, "tandem_writes_seconds_sum", "outcome=\"committed\"") > value(before,
                "tandem_writes_seconds_sum", "outcome=\"committed\""));

        AnnualAssessmentTest.run(program);
        String after = metrics();
        assertEquals(value(written, "tandem_assessment_runs_seconds_count", "outcome=\"succeeded\"") + 1,
                value(after, "tandem_assessment_runs_seconds_count", "outcome=\"succeeded\""));
        Map<String, Double> phasesBefore = byLabel(written, "tandem_assessment_run_phase_seconds_count", "phase");
        Map<String, Double> phases = byLabel(after, "tandem_assessment_run_phase_seconds_count", "phase");
        assertTrue(phases.keySet().containsAll(List.of("existing", "inputs_and_scores", "flush", "commit")),
                phases.toString());
        phases.forEach((phase, count) -> assertEquals(phasesBefore.getOrDefault(phase, 0.0) + 1, count, phase));
    }
}
