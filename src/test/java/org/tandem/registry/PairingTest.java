package org.tandem.registry;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.CHUNAN;
import static org.tandem.support.Fixtures.HANGZHOU_GONGSHU;
import static org.tandem.support.Fixtures.HANGZHOU_SHANGCHENG;
import static org.tandem.support.Fixtures.JINGNING;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PairingTest {

    private static Map<String, Object> pairing(String program, String industrial, String mountain) {
        Map<String, Object> body = new HashMap<>();
        body.put("program", program);
        body.put("industrialCounty", industrial);
        body.put("mountainCounty", mountain);
        return body;
    }

    @Test
    void createsAPairingWithBothCountiesNamed() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        Map<String, Object> body = pairing(program, YIWU, LIANDU);
        body.put("formedOn", "2023-06-01");
        body.put("sourceNote", "义乌和莲都结对");
        io.restassured.response.Response created = api().body(body).post("/api/v1/pairings").then().statusCode(201)
                .header("ETag", org.hamcrest.Matchers.notNullValue()).header("Location", endsWith("/api/v1/pairings/"
                        + api().get("/api/v1/pairings?program=" + program).then().extract().path("items[0].id")))
                .body("industrialCounty.name", equalTo("义乌市")).body("mountainCounty.name", equalTo("莲都区"))
                .body("status", equalTo("ACTIVE")).extract().response();
        String location = created.header("Location");
        api().get(location).then().statusCode(200).header("ETag", created.header("ETag"))
                .body("program", equalTo(program))
                .body("formedOn", equalTo("2023-06-01")).body("sourceNote", equalTo("义乌和莲都结对"));
    }

    @Test
    void aMountainCountyAlreadyPairedInTheProgramIs409AndNothingIsAdded() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU));
        long existing = Fixtures.pairing(program, YIWU, LIANDU);
        api().body(pairing(program, NANHU, LIANDU)).post("/api/v1/pairings").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/county-already-paired"))
                .body("detail", equalTo("莲都区 (331102) is already in pairing " + existing + " of program " + program
                        + ": 义乌市 – 莲都区, /api/v1/pairings/" + existing));
        api().queryParam("program", program).get("/api/v1/pairings").then().body("totalItems", equalTo(1));
    }

    @Test
    void eachSideMustBeDesignatedForItsRoleAndTheSidesDiffer() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        api().body(pairing(program, HANGZHOU_SHANGCHENG, LIANDU)).post("/api/v1/pairings").then().statusCode(409)
                .body("type", equalTo("/problems/not-designated-industrial"));
        api().body(pairing(program, YIWU, CHUNAN)).post("/api/v1/pairings").then().statusCode(409)
                .body("type", equalTo("/problems/not-designated-mountain"));
        api().body(pairing(program, LIANDU, YIWU)).post("/api/v1/pairings").then().statusCode(409)
                .body("type", equalTo("/problems/not-designated-industrial"));
        api().body(pairing(program, YIWU, YIWU)).post("/api/v1/pairings").then().statusCode(409)
                .body("type", equalTo("/problems/same-county"));
        api().queryParam("program", program).get("/api/v1/pairings").then().body("totalItems", equalTo(0));
    }

    @Test
    void unknownReferencesAndBadBodiesAre400() {
        api().body(pairing("NO-SUCH-PROGRAM", YIWU, LIANDU)).post("/api/v1/pairings").then().statusCode(400)
                .body("errors[0].field", equalTo("program"));
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        api().body(pairing(program, "999999", LIANDU)).post("/api/v1/pairings").then().statusCode(400)
                .body("errors[0].field", equalTo("industrialCounty"));
        api().body("{\"program\": \"" + program + "\", ").post("/api/v1/pairings").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/malformed-json"));
        Map<String, Object> body = pairing(program, YIWU, LIANDU);
        body.put("status", "MARRIED");
        api().body(body).post("/api/v1/pairings").then().statusCode(400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of ACTIVE, SUSPENDED, DISSOLVED"));
        api().queryParam("program", program).get("/api/v1/pairings").then().body("totalItems", equalTo(0));
    }

    @Test
    void anUnknownPairingIs404() {
        api().get("/api/v1/pairings/{id}", 987654321).then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Not found"))
                .body("instance", equalTo("/api/v1/pairings/987654321"));
        api().body(Map.of("status", "SUSPENDED")).patch("/api/v1/pairings/{id}", 987654321).then().statusCode(404);
        api().delete("/api/v1/pairings/{id}", 987654321).then().statusCode(404);
    }

    @Test
    void filtersByProgramCountyAndStatus() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long yiwu = Fixtures.pairing(program, YIWU, LIANDU);
        long nanhu = Fixtures.pairing(program, NANHU, SUICHANG);
        api().body(Map.of("status", "SUSPENDED")).patch("/api/v1/pairings/{id}", nanhu).then().statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        api().queryParam("program", program).get("/api/v1/pairings").then().statusCode(200)
                .body("items.id", contains((int) yiwu, (int) nanhu));
        api().queryParam("program", program).queryParam("county", SUICHANG).get("/api/v1/pairings").then()
                .body("items.id", contains((int) nanhu));
        api().queryParam("program", program).queryParam("status", "ACTIVE").get("/api/v1/pairings").then()
                .body("items.id", contains((int) yiwu));
        api().queryParam("program", program).queryParam("sort", "-id").get("/api/v1/pairings").then()
                .body("items.id", contains((int) nanhu, (int) yiwu));
        api().queryParam("program", program).queryParam("size", 1).queryParam("page", 1).get("/api/v1/pairings")
                .then().body("items.id", contains((int) nanhu)).body("totalItems", equalTo(2));
        api().body(Map.of("status", "ACTIVE")).patch("/api/v1/pairings/{id}", nanhu).then().statusCode(200);
        api().queryParam("program", program).queryParam("status", "ACTIVE").queryParam("sort", "-id")
                .get("/api/v1/pairings").then().body("items.id", contains((int) nanhu, (int) yiwu));
    }

    @Test
    void putReplacesAndKeepsTheRules() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG, JINGNING));
        long first = Fixtures.pairing(program, YIWU, LIANDU);
        Fixtures.pairing(program, NANHU, SUICHANG);
        Map<String, Object> body = pairing(program, YIWU, JINGNING);
        body.put("status", "DISSOLVED");
        String etag = api().get("/api/v1/pairings/{id}", first).then().extract().header("ETag");
        String replaced = api().header("If-Match", etag).body(body).put("/api/v1/pairings/{id}", first).then()
                .statusCode(200).header("ETag", org.hamcrest.Matchers.not(equalTo(etag)))
                .body("mountainCounty.code", equalTo(JINGNING)).body("status", equalTo("DISSOLVED")).extract()
                .header("ETag");
        api().get("/api/v1/pairings/{id}", first).then().header("ETag", replaced);
        api().body(pairing(program, YIWU, SUICHANG)).put("/api/v1/pairings/{id}", first).then().statusCode(409)
                .body("type", equalTo("/problems/county-already-paired"));
        String other = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        api().body(pairing(other, YIWU, LIANDU)).put("/api/v1/pairings/{id}", first).then().statusCode(409)
                .body("type", equalTo("/problems/program-immutable"));
        api().get("/api/v1/pairings/{id}", first).then().body("mountainCounty.code", equalTo(JINGNING));
    }

    @Test
    void staleWritesAre412AndLeaveThePairingAsItWas() {
        long id = Fixtures.yiwuLiandu();
        String etag = api().get("/api/v1/pairings/{id}", id).then().extract().header("ETag");
        api().header("If-Match", etag).body(Map.of("formedOn", "2023-05-01")).patch("/api/v1/pairings/{id}", id)
                .then().statusCode(200).header("ETag", org.hamcrest.Matchers.not(equalTo(etag)));
        api().header("If-Match", etag).body(Map.of("status", "DISSOLVED")).patch("/api/v1/pairings/{id}", id)
                .then().statusCode(412).contentType("application/problem+json");
        api().header("If-Match", etag).delete("/api/v1/pairings/{id}", id).then().statusCode(412);
        api().get("/api/v1/pairings/{id}", id).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("formedOn", equalTo("2023-05-01"));
    }

    /** The total of programme {@code program}'s pairings on a page of one, and of its active ones. */
    private static List<Integer> totals(String program) {
        int all = api().queryParam("program", program).queryParam("size", 1).get("/api/v1/pairings").then()
                .statusCode(200).extract().path("totalItems");
        int active = api().queryParam("program", program).queryParam("status", "ACTIVE").queryParam("size", 1)
                .get("/api/v1/pairings").then().statusCode(200).extract().path("totalItems");
        return List.of(all, active);
    }

    @Test
    void aProgrammesTotalFollowsEveryCreationAndDeletionConcurrentOnesIncluded() throws Exception {
        List<String> industrial = List.of(YIWU, NANHU, HANGZHOU_SHANGCHENG, HANGZHOU_GONGSHU);
        List<String> mountain = List.of(LIANDU, SUICHANG, JINGNING, CHUNAN);
        String program = Fixtures.program(industrial, mountain);
        assertEquals(List.of(0, 0), totals(program));
        // Four pairs formed at once: each creation moves the programme's count, none is lost.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> formed = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                int pair = i;
                formed.add(pool.submit(() -> Fixtures.pairing(program, industrial.get(pair), mountain.get(pair))));
            }
            for (Future<Long> pairing : formed) {
                pairing.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(4, 4), totals(program));
        // A pair refused (the county is paired already) and a deletion refused (the pair has a project) move nothing.
        api().body(pairing(program, YIWU, SUICHANG)).post("/api/v1/pairings").then().statusCode(409);
        long withProject = formed.get(0).get();
        api().body(Map.of("track", "PROJECT_COOP", "title", "共建项目", "hostCounty", LIANDU, "plannedOn",
                "2024-03-01")).post("/api/v1/pairings/{id}/projects", withProject).then().statusCode(201);
        api().delete("/api/v1/pairings/{id}", withProject).then().statusCode(409);
        assertEquals(List.of(4, 4), totals(program));
        api().delete("/api/v1/pairings/{id}", formed.get(1).get()).then().statusCode(204);
        api().body(Map.of("status", "SUSPENDED")).patch("/api/v1/pairings/{id}", formed.get(2).get()).then()
                .statusCode(200);
        assertEquals(List.of(3, 2), totals(program));
    }

    @Test
    void deletedPairingsAreGoneAndFreeTheirCounties() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long id = Fixtures.pairing(program, YIWU, LIANDU);
        String etag = api().get("/api/v1/pairings/{id}", id).then().extract().header("ETag");
        api().header("If-Match", etag).delete("/api/v1/pairings/{id}", id).then().statusCode(204);
        api().get("/api/v1/pairings/{id}", id).then().statusCode(404);
        Fixtures.pairing(program, YIWU, LIANDU);
    }
}
