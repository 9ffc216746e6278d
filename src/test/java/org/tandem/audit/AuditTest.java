package org.tandem.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.tandem.support.Api.api;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AuditTest {

    @Test
    void aRequestWithoutAnIdGetsAFreshRandomUuid() {
        String first = api().get("/api/v1/tracks").then().statusCode(200).extract().header("X-Request-Id");
        String second = api().get("/api/v1/tracks").then().statusCode(200).extract().header("X-Request-Id");
        assertEquals(4, UUID.fromString(first).version());
        assertEquals(2, UUID.fromString(first).variant());
        assertNotEquals(first, second);
    }

    @Test
    void aCountyEditorsChangeIsOnRecordWithBeforeAndAfter() {
        long pairing = Fixtures.yiwuLiandu();
        String editor = Fixtures.user("county-editor", Fixtures.LIANDU);
        long project = Api.as(editor, Fixtures.PASSWORD)
                .body(Map.of("track", "PROJECT_COOP", "title", "环龙新材料一期", "hostCounty", Fixtures.LIANDU,
                        "plannedOn", "2023-06-01"))
                .post("/api/v1/pairings/{id}/projects", pairing).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String requestId = Api.as(editor, Fixtures.PASSWORD).header("X-Request-Id", "req-audit-1")
                .body(Map.of("to", "SIGNED", "on", "2023-09-01")).post("/api/v1/projects/{id}/transitions", project)
                .then().statusCode(200).header("X-Request-Id", "req-audit-1").extract().header("X-Request-Id");

        JsonPath events = api().queryParam("entityType", "CooperationProject").queryParam("entityId", project)
                .get("/api/v1/audit-events").then().statusCode(200).body("totalItems", equalTo(2)).extract()
                .jsonPath();
        // Newest first: the transition, then the creation.
        assertEquals("UPDATE", events.getString("items[0].action"));
        assertEquals(editor, events.getString("items[0].actor"));
        assertEquals("PLANNED", events.getString("items[0].before.status"));
        assertEquals("SIGNED", events.getString("items[0].after.status"));
        assertEquals("2023-09-01", events.getString("items[0].after.signedOn"));
        assertEquals(requestId, events.getString("items[0].requestId"));
        assertEquals("CREATE", events.getString("items[1].action"));
        api().queryParam("actor", editor).get("/api/v1/audit-events").then().body("totalItems", equalTo(2))
                .body("items[1].after.title", equalTo("环龙新材料一期")).body("items[1].occurredAt", notNullValue());
    }

    @Test
    void theTrailHasNoWayToChangeIt() {
        Api.raw().delete("/api/v1/audit-events").then().statusCode(405);
        Api.raw().contentType("application/json").body("{}").post("/api/v1/audit-events").then().statusCode(405);
    }
}
