package org.tandem.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.tandem.support.Api.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

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

    /** The events of one entity, oldest first. */
    static List<Map<String, Object>> eventsOf(String entityType, Object entityId) {
        List<Map<String, Object>> events = new ArrayList<>(api().queryParam("entityType", entityType)
                .queryParam("entityId", entityId).queryParam("size", 500).get("/api/v1/audit-events").then()
                .statusCode(200).extract().jsonPath().getList("items"));
        Collections.reverse(events);
        return events;
    }

    static List<Map<String, Object>> updatesOf(String entityType, Object entityId) {
        return eventsOf(entityType, entityId).stream().filter(e -> "UPDATE".equals(e.get("action"))).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> state(Map<String, Object> event, String which) {
        return (Map<String, Object>) event.get(which);
    }

    static long version(Map<String, Object> event, String which) {
        return ((Number) state(event, which).get("version")).longValue();
    }

    @Test
    void aUserWhoseRolesAloneChangeIsOnRecordWithTheRolesBeforeAndAfter() {
        String username = Fixtures.uniqueCode("roles").toLowerCase();
        Response created = api().body(Map.of("username", username, "password", Fixtures.PASSWORD, "roles",
                List.of("admin"))).post("/api/v1/users").then().statusCode(201).extract().response();
        long id = created.jsonPath().getLong("id");
        Response changed = api().header("If-Match", created.header("ETag")).header("X-Request-Id", "req-roles-1")
                .body(Map.of("username", username, "roles", List.of("viewer"))).put("/api/v1/users/{id}", id).then()
                .statusCode(200).extract().response();

        List<Map<String, Object>> updates = updatesOf("AppUser", id);
        assertEquals(1, updates.size(), "one change, one event: " + updates);
        Map<String, Object> update = updates.get(0);
        assertEquals(List.of("admin"), state(update, "before").get("roles"));
        assertEquals(List.of("viewer"), state(update, "after").get("roles"));
        assertEquals("req-roles-1", update.get("requestId"));
        assertEquals(version(update, "before") + 1, version(update, "after"), "the user's version moves with its roles");
        assertNotEquals(created.header("ETag"), changed.header("ETag"), "and so does the tag of what is sent");
    }

    @Test
    void aProgramsDesignationsAreOnRecordAsTheyWereAndAsTheyBecame() {
        String code = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        String etag = api().get("/api/v1/programs/{code}/counties", code).then().statusCode(200).extract()
                .header("ETag");
        api().header("If-Match", etag).body(Map.of("industrial", List.of(Fixtures.YIWU, Fixtures.HANGZHOU_XIHU),
                "mountain", List.of())).put("/api/v1/programs/{code}/counties", code).then().statusCode(200)
                .header("ETag", not(equalTo(etag)));
        String id = api().queryParam("entityType", "Program").queryParam("size", 500).get("/api/v1/audit-events")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.action == 'CREATE' && it.after.code == '" + code + "' }.entityId");

        List<Map<String, Object>> updates = updatesOf("Program", id);
        assertEquals(2, updates.size(), "the first designation and its replacement: " + updates);
        assertEquals(Map.of(), state(updates.get(0), "before").get("designations"));
        assertEquals(Map.of(Fixtures.YIWU, "INDUSTRIAL", Fixtures.LIANDU, "MOUNTAIN"),
                state(updates.get(0), "after").get("designations"));
        assertEquals(Map.of(Fixtures.YIWU, "INDUSTRIAL", Fixtures.LIANDU, "MOUNTAIN"),
                state(updates.get(1), "before").get("designations"));
        assertEquals(Map.of(Fixtures.YIWU, "INDUSTRIAL", Fixtures.HANGZHOU_XIHU, "INDUSTRIAL"),
                state(updates.get(1), "after").get("designations"));

        // A change of the program's own fields neither loads nor invents its designations.
        api().body(Map.of("name", "改名", "startYear", 2023, "endYear", 2025)).put("/api/v1/programs/{code}", code)
                .then().statusCode(200);
        for (Map<String, Object> event : eventsOf("Program", id)) {
            assertFalse(String.valueOf(event).contains("not loaded"), "no placeholder: " + event);
        }
        assertEquals("改名", state(updatesOf("Program", id).get(2), "after").get("name"));

        // What is deleted is recorded whole, its designations included.
        api().delete("/api/v1/programs/{code}", code).then().statusCode(204);
        List<Map<String, Object>> events = eventsOf("Program", id);
        Map<String, Object> deleted = events.get(events.size() - 1);
        assertEquals("DELETE", deleted.get("action"));
        assertEquals(Map.of(Fixtures.YIWU, "INDUSTRIAL", Fixtures.HANGZHOU_XIHU, "INDUSTRIAL"),
                state(deleted, "before").get("designations"));
    }

    @Test
    void onePutIsOneEventWhoseAfterIsWhatWasWritten() {
        long pairing = Fixtures.yiwuLiandu();
        Map<String, Object> body = new HashMap<>(Map.of("track", "PROJECT_COOP", "title", "一期", "hostCounty",
                Fixtures.LIANDU, "plannedOn", "2023-06-01"));
        Response created = api().body(body).post("/api/v1/pairings/{id}/projects", pairing).then().statusCode(201)
                .extract().response();
        long project = created.jsonPath().getLong("id");
        body.put("title", "二期");
        Response first = api().body(body).put("/api/v1/projects/{id}", project).then().statusCode(200).extract()
                .response();
        body.put("title", "三期");
        Response second = api().body(body).put("/api/v1/projects/{id}", project).then().statusCode(200).extract()
                .response();

        List<Map<String, Object>> updates = updatesOf("CooperationProject", project);
        assertEquals(2, updates.size(), "one event per PUT: " + updates);
        assertEquals(0, version(updates.get(0), "before"));
        assertEquals(1, version(updates.get(0), "after"));
        assertEquals(2, version(updates.get(1), "after"));
        assertEquals(3, Set.of(created.header("ETag"), first.header("ETag"), second.header("ETag")).size());
        assertEquals("二期", state(updates.get(0), "after").get("title"));
        assertEquals("三期", state(updates.get(1), "after").get("title"));
        assertNotEquals(state(updates.get(0), "before").get("updatedAt"), state(updates.get(0), "after").get("updatedAt"));
        // Each change starts from what the one before it wrote.
        assertEquals(state(updates.get(0), "after"), state(updates.get(1), "before"));
    }

    @Test
    void parallelPutsEachRecordOnlyTheirOwnChangeUnderTheirOwnRequestId() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        long project = api().body(Map.of("track", "PROJECT_COOP", "title", "并发", "hostCounty", Fixtures.LIANDU,
                "plannedOn", "2023-06-01")).post("/api/v1/pairings/{id}/projects", pairing).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 0; round < 2; round++) {
                String etag = api().get("/api/v1/projects/{id}", project).then().statusCode(200).extract()
                        .header("ETag");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    String requestId = "req-par-" + round + "-" + client + "-" + UUID.randomUUID();
                    Map<String, Object> body = Map.of("track", "PROJECT_COOP", "title", requestId, "hostCounty",
                            Fixtures.LIANDU, "plannedOn", "2023-06-01");
                    answers.add(pool.submit(() -> {
                        go.await();
                        return api().header("If-Match", etag).header("X-Request-Id", requestId).body(body)
                                .put("/api/v1/projects/{id}", project).then().extract().response();
                    }));
                }
                go.countDown();
                List<String> won = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    Response response = answer.get(60, TimeUnit.SECONDS);
                    if (response.statusCode() == 200) {
                        won.add(response.header("X-Request-Id"));
                        assertEquals(response.jsonPath().getString("title"), response.header("X-Request-Id"));
                    }
                }
                assertEquals(1, won.size(), "one winner per version");
                List<Map<String, Object>> updates = updatesOf("CooperationProject", project);
                assertEquals(round + 1, updates.size(), "one event per successful PUT: " + updates);
                Map<String, Object> last = updates.get(round);
                assertEquals(won.get(0), last.get("requestId"), "the winner's change under the winner's id");
                assertEquals(won.get(0), state(last, "after").get("title"));
                assertEquals(round + 1, version(last, "after"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final int CLIENTS = 6;

    @Test
    void theTrailHasNoWayToChangeIt() {
        Api.raw().delete("/api/v1/audit-events").then().statusCode(405);
        Api.raw().contentType("application/json").body("{}").post("/api/v1/audit-events").then().statusCode(405);
    }
}
