package org.tandem.security;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.tandem.support.Api.anonymous;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** Login attempts over their limits get 429 with Retry-After, before any password check. */
@QuarkusTest
@TestProfile(LoginLimitTest.Tight.class)
class LoginLimitTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tandem.auth.login-limit.per-user", "2", "tandem.auth.login-limit.per-address", "4",
                    "tandem.auth.login-limit.window", "PT10M");
        }
    }

    private static ValidatableResponse login(String username) {
        return anonymous().body(Map.of("username", username, "password", "guess")).post("/api/v1/auth/token")
                .then();
    }

    @Test
    void attemptsAreLimitedPerUsernameAndPerAddress() {
        String first = Fixtures.uniqueCode("first").toLowerCase();
        login(first).statusCode(401);
        login(first).statusCode(401);
        // The username's limit, whether it exists or not; the same name in other letter case is the same name.
        login(first.toUpperCase()).statusCode(429).contentType("application/problem+json")
                .body("type", endsWith("too-many-requests")).header("Retry-After", Integer::parseInt,
                        org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThan(0))
                                .and(org.hamcrest.Matchers.lessThanOrEqualTo(600)));
        String second = Fixtures.uniqueCode("second").toLowerCase();
        login(second).statusCode(401);
        // The address's limit: four attempts from here, whatever the names.
        login(Fixtures.uniqueCode("third").toLowerCase()).statusCode(429).body("status", equalTo(429));
    }
}
