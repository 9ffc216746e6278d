package org.tandem.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.tandem.support.Api.anonymous;
import static org.tandem.support.Api.api;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** What the service does on its own is audited as done by "system", never by "anonymous". */
@QuarkusTest
class SystemActorTest {

    private static long userId(String username) {
        return api().get("/api/v1/users?size=500&sort=username").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.username == '" + username + "' }.id");
    }

    @Test
    void theFirstAdminIsCreatedBySystem() {
        api().queryParam("entityType", "AppUser").queryParam("entityId", userId("admin")).get("/api/v1/audit-events")
                .then().statusCode(200).body("items.find { it.action == 'CREATE' }.actor", equalTo("system"));
    }

    @Test
    void clearingTheCountOfFailedLoginsIsDoneBySystem() {
        String username = Fixtures.user("viewer", null);
        anonymous().body(Map.of("username", username, "password", "wrong")).post("/api/v1/auth/token").then()
                .statusCode(401);
        anonymous().body(Map.of("username", username, "password", Fixtures.PASSWORD)).post("/api/v1/auth/token")
                .then().statusCode(200);
        api().queryParam("entityType", "AppUser").queryParam("entityId", userId(username))
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.findAll { it.action == 'UPDATE' }.actor", hasItem("system"))
                .body("items.actor", org.hamcrest.Matchers.not(hasItem("anonymous")));
    }
}
