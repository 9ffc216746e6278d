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

/** A refresh token has its own lifetime (tandem.auth.builtin.refresh-token-lifetime) and is refused after it. */
@QuarkusTest
@TestProfile(RefreshExpiryTest.ShortSessions.class)
class RefreshExpiryTest {

    public static class ShortSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tandem.auth.builtin.refresh-token-lifetime", "PT2S");
        }
    }

    @Test
    void anExpiredRefreshTokenIsRefused() throws InterruptedException {
        String username = Fixtures.user("viewer", null);
        String refreshToken = anonymous().body(Map.of("username", username, "password", Fixtures.PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(200).body("refreshExpiresIn", equalTo(2)).extract()
                .path("refreshToken");
        // Issued before the answer came back, so two seconds after the answer it has expired.
        long answered = System.currentTimeMillis();
        while (System.currentTimeMillis() < answered + 2_200) {
            Thread.sleep(100);
        }
        anonymous().body(Map.of("refreshToken", refreshToken)).post("/api/v1/auth/refresh").then().statusCode(401)
                .body("type", endsWith("invalid-refresh-token"));
    }
}
