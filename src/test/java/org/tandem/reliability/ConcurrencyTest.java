package org.tandem.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Many clients at once, through the HTTP API: writes with the same If-Match make exactly one winner per version and
 * lose nothing; writes to different pair-years all land.
 */
@QuarkusTest
public class ConcurrencyTest {

    private static final int CLIENTS = 16;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(CLIENTS);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    /** Runs every task at the same moment (behind one start gate) and returns their results in order. */
    public static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(POOL.submit(() -> {
                ready.countDown();
                go.await();
                return task.call();
            }));
        }
        assertTrue(ready.await(30, TimeUnit.SECONDS), "the clients did not start");
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void sixteenPatchesWithTheSameIfMatchMakeOneWinnerAndLoseNothing() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        for (int round = 0; round < 3; round++) {
            String etag = api().get("/api/v1/pairings/{id}", pairing).then().statusCode(200).extract().header("ETag");
            List<Callable<Response>> patches = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                String note = "round " + round + " client " + client;
                patches.add(() -> api().header("If-Match", etag).body(Map.of("sourceNote", note))
                        .patch("/api/v1/pairings/{id}", pairing).then().extract().response());
            }
            List<Response> answers = atOnce(patches);

            List<Response> won = answers.stream().filter(r -> r.statusCode() == 200).toList();
            assertEquals(1, won.size(), "exactly one write per version: " + statuses(answers));
            assertEquals(CLIENTS - 1, answers.stream().filter(r -> r.statusCode() == 412
                    && r.contentType().startsWith("application/problem+json")).count(),
                    "the others are 412 problems: " + statuses(answers));
            Response after = api().get("/api/v1/pairings/{id}", pairing).then().statusCode(200).extract().response();
            assertEquals(won.get(0).jsonPath().getString("sourceNote"), after.jsonPath().getString("sourceNote"),
                    "the stored state is the one write that was answered 200");
            assertEquals(won.get(0).header("ETag"), after.header("ETag"));
            assertNotEquals(etag, after.header("ETag"));
        }
    }

    @Test
    void sixteenClientsWritingActualsOfSixteenPairsAllLand() throws Exception {
        List<Long> pairings = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            pairings.add(Fixtures.yiwuLiandu());
        }
        List<Callable<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            long pairing = pairings.get(i);
            int value = 1000 + i;
            writes.add(() -> api()
                    .body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", value),
                            Map.of("indicator", "INVESTMENT_LEADS_SHARED", "value", i(value)))))
                    .put("/api/v1/pairings/{id}/years/2024/actuals", pairing).then().extract().statusCode());
        }
        List<Integer> statuses = atOnce(writes);
        assertEquals(List.of(200), statuses.stream().distinct().toList(), "every write lands: " + statuses);

        for (int i = 0; i < CLIENTS; i++) {
            var actuals = api().get("/api/v1/pairings/{id}/years/2024/actuals", pairings.get(i)).then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(Map.of("SUPPLY_CONTRACTS_VALUE", 1000 + i, "INVESTMENT_LEADS_SHARED", i(1000 + i)),
                    valuesOf(actuals.getList("items")), "pairing " + pairings.get(i));
        }
    }

    private static int i(int value) {
        return value % 7;
    }

    private static Map<String, Integer> valuesOf(List<Map<String, Object>> items) {
        Map<String, Integer> values = new java.util.HashMap<>();
        for (Map<String, Object> item : items) {
            if (item.get("value") != null) {
                values.put((String) item.get("indicator"), new java.math.BigDecimal(item.get("value").toString())
                        .intValueExact());
            }
        }
        return values;
    }

    private static List<Integer> statuses(List<Response> answers) {
        return answers.stream().map(Response::statusCode).toList();
    }
}
