package org.tandem.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.tandem.support.Api.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With CORS on, a front end on another origin can read the headers it needs, the request id among them. */
@QuarkusTest
@TestProfile(CorsTest.FrontEnd.class)
class CorsTest {

    static final String ORIGIN = "https://tandem.example.org";

    public static class FrontEnd implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", ORIGIN);
        }
    }

    @Test
    void aCorsResponseExposesTheRequestIdAndTheETag() {
        api().header("Origin", ORIGIN).get("/api/v1/tracks/PROJECT_COOP").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
    }
}
