package org.tandem.packaged;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.specification.RequestSpecification;

/**
 * Two instances of the service on one PostgreSQL: asked at the same moment to run the same program-year's
 * assessment, they start one run between them; and what one changes, the other's cached reads show at once.
 * Only with -Ppostgresql: H2 in file mode is one process's database.
 */
class TwoInstancesIT {

    private static final String[] INDUSTRIAL = { "330782", "330402", "330106" };
    private static final String[] MOUNTAIN = { "331102", "331123", "331127" };

    private static PackagedService a;
    private static PackagedService b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        assumeTrue(PackagedService.onPostgresql(), "needs a database two processes share (-Ppostgresql)");
        a = new PackagedService(Files.createTempDirectory("tandem-a"));
        b = new PackagedService(Files.createTempDirectory("tandem-b"));
        a.start();
        b.start();
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        for (PackagedService instance : new PackagedService[] { a, b }) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    /** Creates a programme through instance a; returns its code. */
    private static String program(String prefix, String name) {
        String program = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        api(a).body(Map.of("code", program, "name", name, "startYear", 2023, "endYear", 2025))
                .post("/api/v1/programs").then().statusCode(201);
        return program;
    }

    @Test
    void twoInstancesAskedForTheSameRunAtOnceStartOneRun() throws Exception {
        String program = program("TWO", "双实例测试");
        api(a).body(Map.of("industrial", List.of(INDUSTRIAL), "mountain", List.of(MOUNTAIN)))
                .put("/api/v1/programs/{code}/counties", program).then().statusCode(200);
        long scheme = api(b).body(Map.of("program", program, "year", 2024, "name", "测试办法", "rules",
                Map.of("tracks", List.of(Map.of("track", "CHAIN_COLLAB", "weight", 100)), "indicators",
                        List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "points", 100, "function",
                                Map.of("type", "RATIO", "cap", 1))),
                        "bonusCap", 0, "deductionCap", 0)))
                .post("/api/v1/scoring-schemes").then().statusCode(201).extract().jsonPath().getLong("id");
        api(b).post("/api/v1/scoring-schemes/{id}/publish", scheme).then().statusCode(200);
        for (int i = 0; i < INDUSTRIAL.length; i++) {
            PackagedService via = i % 2 == 0 ? a : b;
            long pairing = api(via).body(Map.of("program", program, "industrialCounty", INDUSTRIAL[i],
                    "mountainCounty", MOUNTAIN[i])).post("/api/v1/pairings").then().statusCode(201).extract()
                    .jsonPath().getLong("id");
            for (String kind : List.of("targets", "actuals")) {
                api(via).body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value",
                        kind.equals("targets") ? 100 : 50 + 10 * i))))
                        .put("/api/v1/pairings/{id}/years/2024/" + kind, pairing).then().statusCode(200);
            }
        }

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Long>> answers = new ArrayList<>();
        for (PackagedService instance : List.of(a, b)) {
            Callable<Long> run = () -> {
                go.await();
                return api(instance).body(Map.of("program", program, "year", 2024))
                        .post("/api/v1/assessment-runs").then().statusCode(202).extract().jsonPath().getLong("id");
            };
            answers.add(pool.submit(run));
        }
        go.countDown();
        long fromA = answers.get(0).get();
        long fromB = answers.get(1).get();
        pool.shutdown();
        assertEquals(fromA, fromB, "both instances answer with the same run");
        for (PackagedService instance : List.of(a, b)) {
            api(instance).queryParam("program", program).get("/api/v1/assessment-runs").then().statusCode(200)
                    .body("totalItems", equalTo(1));
        }
    }

    @Test
    void aChangeOnOneInstanceIsSeenByTheOther() throws Exception {
        String program = program("SEEN", "缓存测试");
        api(a).body(Map.of("industrial", List.of(INDUSTRIAL[0]), "mountain", List.of(MOUNTAIN[0])))
                .put("/api/v1/programs/{code}/counties", program).then().statusCode(200);
        // b reads (and keeps) the empty list; a pairs two counties; b's next reads must show the pairing.
        awaitPairings(b, program, 0);
        api(a).body(Map.of("program", program, "industrialCounty", INDUSTRIAL[0], "mountainCounty", MOUNTAIN[0]))
                .post("/api/v1/pairings").then().statusCode(201);
        awaitPairings(b, program, 1);
    }

    /** Reads b's list until it has {@code count} pairings: another instance's change is heard within milliseconds. */
    private static void awaitPairings(PackagedService service, String program, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int seen;
        do {
            seen = api(service).queryParam("program", program).get("/api/v1/pairings").then().statusCode(200)
                    .extract().jsonPath().getInt("totalItems");
            if (seen == count) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertEquals(count, seen, "pairings of " + program + " seen by the other instance after 5 s");
    }

    private static RequestSpecification api(PackagedService service) {
        return service.api();
    }
}
