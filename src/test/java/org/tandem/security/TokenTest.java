package org.tandem.security;

import static org.hamcrest.Matchers.equalTo;
import static org.tandem.support.Api.anonymous;
import static org.tandem.support.Api.api;

import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

@QuarkusTest
class TokenTest {

    @Test
    void aTokenFromTheBuiltInProviderOpensTheApi() {
        String token = Api.token("admin", Api.ADMIN_PASSWORD);
        anonymous().auth().oauth2(token).get("/api/v1/tracks").then().statusCode(200);
        anonymous().get("/api/v1/tracks").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer("tandem").upn("admin").groups(Set.of("admin")).expiresIn(600).jws()
                .sign(generator.generateKeyPair().getPrivate());
        anonymous().auth().oauth2(forged).get("/api/v1/tracks").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String username = Fixtures.user("viewer", null);
        String token = Api.token(username, Fixtures.PASSWORD);
        anonymous().auth().oauth2(token).get("/api/v1/tracks").then().statusCode(200);
        // Same key, same claims, but expired a minute ago: signed here with the service's own key.
        SigningKeys keys = io.quarkus.arc.Arc.container().instance(SigningKeys.class).get();
        String expired = Jwt.issuer("tandem").upn(username).groups(Set.of("viewer")).issuedAt(1_000)
                .expiresAt(java.time.Instant.now().minusSeconds(60).getEpochSecond()).jws().keyId(keys.kid())
                .sign(keys.privateKey());
        anonymous().auth().oauth2(expired).get("/api/v1/tracks").then().statusCode(401);
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItExpires() throws InterruptedException {
        String username = Fixtures.user("viewer", null);
        SigningKeys keys = io.quarkus.arc.Arc.container().instance(SigningKeys.class).get();
        long expiresAt = java.time.Instant.now().getEpochSecond() + 2;
        String shortLived = Jwt.issuer("tandem").upn(username).groups(Set.of("viewer")).expiresAt(expiresAt).jws()
                .keyId(keys.kid()).sign(keys.privateKey());
        // Accepted, so remembered as verified; the memory must not outlive the token.
        anonymous().auth().oauth2(shortLived).get("/api/v1/tracks").then().statusCode(200);
        while (java.time.Instant.now().getEpochSecond() <= expiresAt) {
            Thread.sleep(100);
        }
        anonymous().auth().oauth2(shortLived).get("/api/v1/tracks").then().statusCode(401);
    }

    @Test
    void aDisabledUsersTokenIsRefusedAtOnce() {
        String username = Fixtures.user("viewer", null);
        String token = Api.token(username, Fixtures.PASSWORD);
        anonymous().auth().oauth2(token).get("/api/v1/tracks").then().statusCode(200);
        long id = api().get("/api/v1/users?size=500").then().extract().jsonPath()
                .getLong("items.find { it.username == '" + username + "' }.id");
        api().body(Map.of("username", username, "roles", Set.of("viewer"), "enabled", false))
                .put("/api/v1/users/{id}", id).then().statusCode(200).body("enabled", equalTo(false));
        anonymous().auth().oauth2(token).get("/api/v1/tracks").then().statusCode(401);
        anonymous().body(Map.of("username", username, "password", Fixtures.PASSWORD)).post("/api/v1/auth/token")
                .then().statusCode(401);
    }

    @Test
    void repeatedFailedLoginsLockTheAccountForAWhile() {
        String username = Fixtures.user("viewer", null);
        for (int i = 0; i < 5; i++) {
            anonymous().body(Map.of("username", username, "password", "wrong-password-" + i))
                    .post("/api/v1/auth/token").then().statusCode(401).contentType("application/problem+json");
        }
        anonymous().body(Map.of("username", username, "password", Fixtures.PASSWORD)).post("/api/v1/auth/token")
                .then().statusCode(401);
        api().queryParam("entityType", "AppUser").queryParam("actor", username).get("/api/v1/audit-events").then()
                .statusCode(200).body("items[0].action", equalTo("LOGIN_FAILED"));
    }

    @Test
    void longAndChinesePasswordsWork() {
        String password = "很长的密码".repeat(20);
        String username = Fixtures.uniqueCode("long").toLowerCase();
        api().body(Map.of("username", username, "password", password, "roles", Set.of("viewer")))
                .post("/api/v1/users").then().statusCode(201);
        anonymous().auth().oauth2(Api.token(username, password)).get("/api/v1/tracks").then().statusCode(200);
        anonymous().body(Map.of("username", username, "password", "很长的密码".repeat(19) + "很长的密")).post("/api/v1/auth/token")
                .then().statusCode(401);
        anonymous().body(Map.of("username", "x".repeat(100), "password", "p".repeat(200))).post("/api/v1/auth/token")
                .then().statusCode(401);
    }

    @Test
    void noResponseCarriesThePasswordHash() {
        String username = Fixtures.user("viewer", null);
        api().get("/api/v1/users?size=500").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("$2a$")));
        api().queryParam("entityType", "AppUser").get("/api/v1/audit-events?size=500").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("$2a$")))
                .body(org.hamcrest.Matchers.containsString(username));
    }
}
