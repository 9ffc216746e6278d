package org.tandem.security;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.tandem.support.Api.anonymous;
import static org.tandem.support.Api.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** GET /me, and renewing a session with a refresh token instead of the password. */
@QuarkusTest
class SessionTest {

    private static JsonPath login(String username, String password) {
        return anonymous().body(Map.of("username", username, "password", password)).post("/api/v1/auth/token").then()
                .statusCode(200).body("refreshExpiresIn", equalTo(8 * 3600)).extract().jsonPath();
    }

    private static ValidatableResponse refresh(String refreshToken) {
        return anonymous().body(Map.of("refreshToken", refreshToken)).post("/api/v1/auth/refresh").then();
    }

    private static void refused(String refreshToken) {
        refresh(refreshToken).statusCode(401).contentType("application/problem+json")
                .body("type", endsWith("invalid-refresh-token"));
    }

    private static long userId(String username) {
        return api().get("/api/v1/users?size=500&sort=username").then().extract().jsonPath()
                .getLong("items.find { it.username == '" + username + "' }.id");
    }

    private static void updateUser(String username, Map<String, Object> body) {
        api().body(body).put("/api/v1/users/{id}", userId(username)).then().statusCode(200);
    }

    @Test
    void meTellsWhoTheCallerIs() {
        String username = Fixtures.user("county-editor", Fixtures.YIWU);
        String token = login(username, Fixtures.PASSWORD).getString("accessToken");
        OffsetDateTime expires = OffsetDateTime.parse(anonymous().auth().oauth2(token).get("/api/v1/me").then()
                .statusCode(200).body("username", equalTo(username)).body("kind", equalTo("PERSON"))
                .body("roles", equalTo(List.of("county-editor"))).body("county", equalTo(Fixtures.YIWU)).extract()
                .path("tokenExpiresAt"));
        assertNotEquals(null, expires);
        org.junit.jupiter.api.Assertions.assertTrue(expires.isAfter(OffsetDateTime.now().plusMinutes(10)));
        anonymous().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRefreshTokenGivesANewPairOnceAndIsAudited() {
        String username = Fixtures.user("viewer", null);
        JsonPath first = login(username, Fixtures.PASSWORD);
        JsonPath second = refresh(first.getString("refreshToken")).statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("expiresIn", greaterThan(0)).extract().jsonPath();
        assertNotEquals(first.getString("refreshToken"), second.getString("refreshToken"));
        anonymous().auth().oauth2(second.getString("accessToken")).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo(username));
        // The next one of the chain works too.
        JsonPath third = refresh(second.getString("refreshToken")).statusCode(200).extract().jsonPath();
        api().queryParam("actor", username).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItem("TOKEN_REFRESHED"));
        org.junit.jupiter.api.Assertions.assertNotNull(third.getString("accessToken"));
    }

    @Test
    void aUsedRefreshTokenIsRefusedAndEndsItsFamily() {
        String username = Fixtures.user("viewer", null);
        String first = login(username, Fixtures.PASSWORD).getString("refreshToken");
        String second = refresh(first).statusCode(200).extract().path("refreshToken");
        refused(first);
        // Replayed: whoever holds the newer token of that login is logged out too.
        refused(second);
        api().queryParam("actor", username).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItem("REFRESH_REFUSED"));
        // Another login's session is not touched.
        refresh(login(username, Fixtures.PASSWORD).getString("refreshToken")).statusCode(200);
    }

    @Test
    void aDisabledUserCannotRefresh() {
        String username = Fixtures.user("viewer", null);
        String refreshToken = login(username, Fixtures.PASSWORD).getString("refreshToken");
        updateUser(username, Map.of("username", username, "roles", Set.of("viewer"), "enabled", false));
        refused(refreshToken);
    }

    @Test
    void changedRolesEndTheSessions() {
        String username = Fixtures.user("viewer", null);
        String refreshToken = login(username, Fixtures.PASSWORD).getString("refreshToken");
        updateUser(username, Map.of("username", username, "roles", Set.of("assessor")));
        refused(refreshToken);
    }

    @Test
    void aChangedPasswordEndsTheSessions() {
        String username = Fixtures.user("viewer", null);
        String refreshToken = login(username, Fixtures.PASSWORD).getString("refreshToken");
        updateUser(username, Map.of("username", username, "roles", Set.of("viewer"), "password", "another-password"));
        refused(refreshToken);
    }

    @Test
    void anUnchangedUserKeepsTheirSessions() {
        String username = Fixtures.user("viewer", null);
        String refreshToken = login(username, Fixtures.PASSWORD).getString("refreshToken");
        updateUser(username, Map.of("username", username, "displayName", "新名字", "roles", Set.of("viewer")));
        refresh(refreshToken).statusCode(200);
    }

    @Test
    void anUnknownOrMalformedRefreshTokenIsRefused() {
        refused("no-such-token");
        refused("令牌");
        anonymous().body(Map.of("refreshToken", "")).post("/api/v1/auth/refresh").then().statusCode(400);
        anonymous().body(Map.of("refreshToken", "x".repeat(201))).post("/api/v1/auth/refresh").then()
                .statusCode(400).body("errors.field", hasItem("refreshToken"));
        // A refresh token is not an access token, and the other way round.
        String username = Fixtures.user("viewer", null);
        JsonPath pair = login(username, Fixtures.PASSWORD);
        anonymous().auth().oauth2(pair.getString("refreshToken")).get("/api/v1/me").then().statusCode(401);
        refused(pair.getString("accessToken").substring(0, 150));
    }
}
