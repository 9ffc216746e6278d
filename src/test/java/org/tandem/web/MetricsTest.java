package org.tandem.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** /q/metrics is for admins: the pool, request timings and the rest in Prometheus's text format. */
@QuarkusTest
class MetricsTest {

    @Test
    void anAdminReadsTheMetrics() {
        given().auth().oauth2(Api.token("admin", Api.ADMIN_PASSWORD)).get("/q/metrics").then().statusCode(200)
                .body(containsString("agroal_active_count")).body(containsString("http_server_requests_seconds"));
    }

    @Test
    void nobodyElseDoes() {
        given().get("/q/metrics").then().statusCode(401);
        String viewer = Fixtures.user("viewer", null);
        given().auth().oauth2(Api.token(viewer, Fixtures.PASSWORD)).get("/q/metrics").then().statusCode(403);
    }
}
