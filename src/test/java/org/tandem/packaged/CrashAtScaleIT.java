package org.tandem.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The crash test of {@link CrashIT} on a data directory of the benchmark's size (2,000 pairings), round after
 * round: a client creates projects and rewrites a pair-year's targets (each PUT also writes history) while the
 * service is killed (SIGKILL) under it; after each restart every write answered 2xx is there. On H2 a file this
 * size is mostly free space after the load, which is where H2's own recovery used to go back to an older version
 * (see {@code H2CrashRecovery}); on PostgreSQL with -Ppostgresql. The data is generated once, with few records
 * per pairing (the pairing count and the file's free space are what matter), to fit the suite's time.
 */
class CrashAtScaleIT {

    private static final int ROUNDS = 6;
    private static final String INDICATOR = "LEAN_BENCHMARK_PROJECTS";

    @Test
    void noWriteAnswered2xxIsLostOverManyKillsOnABenchmarkSizeDataDirectory() throws Exception {
        Path dataDir = Files.createTempDirectory("tandem-crash-scale");
        try (PackagedService service = new PackagedService(dataDir).with("tandem.generate.pairings=2000",
                "tandem.generate.years=1", "tandem.generate.projects-per-year=10",
                "tandem.generate.activities-per-year=20").readyWithin(Duration.ofMinutes(5))) {
            service.start();
            JsonPath pairings = service.api().queryParam("program", "SYN-2000").queryParam("size", ROUNDS * 2)
                    .get("/api/v1/pairings").then().statusCode(200).body("totalItems", org.hamcrest.Matchers.equalTo(2000))
                    .extract().jsonPath();
            int lost = 0;
            int answered = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long projectPairing = pairings.getLong("items[" + 2 * round + "].id");
                String host = pairings.getString("items[" + 2 * round + "].mountainCounty.code");
                long targetsPairing = pairings.getLong("items[" + (2 * round + 1) + "].id");
                Round result = killDuring(service, round, projectPairing, host, targetsPairing);
                service.start();
                List<String> missing = result.missing(service, targetsPairing);
                System.out.printf("CRASH AT SCALE round %d: %d projects and %d target writes answered 2xx, missing %s%n",
                        round, result.projects.size(), result.targetWrites.get(), missing);
                answered += result.projects.size() + result.targetWrites.get();
                lost += missing.size();
                assertEquals(List.of(), missing, "acknowledged writes lost in round " + round);
            }
            System.out.printf("CRASH AT SCALE: %d rounds, %d writes answered 2xx, %d lost%n", ROUNDS, answered, lost);
        }
    }

    /** What one round's client was answered 2xx for before the kill. */
    private record Round(ConcurrentLinkedQueue<Long> projects, AtomicInteger targetWrites, AtomicLong lastTarget) {

        List<String> missing(PackagedService service, long targetsPairing) {
            List<String> missing = new ArrayList<>();
            for (long id : projects) {
                if (service.api().get("/api/v1/projects/{id}", id).statusCode() != 200) {
                    missing.add("project " + id);
                }
            }
            if (targetWrites.get() > 0) {
                JsonPath targets = service.api().get("/api/v1/pairings/{id}/years/2024/targets", targetsPairing).then()
                        .statusCode(200).extract().jsonPath();
                BigDecimal value = new BigDecimal(
                        targets.getString("items.find { it.indicator == '" + INDICATOR + "' }.value"));
                // Values only grow; a later write that was never answered may have made it too.
                if (value.longValue() < lastTarget.get()) {
                    missing.add("targets of pairing " + targetsPairing + ": " + value + " < " + lastTarget.get());
                }
                int history = service.api().get("/api/v1/pairings/{id}/years/2024/history", targetsPairing).then()
                        .statusCode(200).extract().path("totalItems");
                if (history < targetWrites.get()) {
                    missing.add("history of pairing " + targetsPairing + ": " + history + " < " + targetWrites.get());
                }
            }
            return missing;
        }
    }

    private static Round killDuring(PackagedService service, int round, long projectPairing, String host,
            long targetsPairing) throws InterruptedException {
        Round result = new Round(new ConcurrentLinkedQueue<>(), new AtomicInteger(), new AtomicLong());
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (int i = 1; !stop.get(); i++) {
                try {
                    if (i % 2 == 0) {
                        long value = i;
                        int status = service.api()
                                .body(Map.of("items", List.of(Map.of("indicator", INDICATOR, "value", value))))
                                .put("/api/v1/pairings/{id}/years/2024/targets", targetsPairing).then().extract()
                                .statusCode();
                        if (status / 100 == 2) {
                            result.targetWrites.incrementAndGet();
                            result.lastTarget.set(value);
                        }
                    } else {
                        var response = service.api()
                                .body(Map.of("track", "PROJECT_COOP", "title", "崩溃测试 " + round + "-" + i,
                                        "hostCounty", host, "plannedOn", "2024-06-01"))
                                .post("/api/v1/pairings/{id}/projects", projectPairing).then().extract();
                        if (response.statusCode() / 100 == 2) {
                            result.projects.add(((Number) response.path("id")).longValue());
                        }
                    }
                } catch (Throwable connectionLost) {
                    return; // the service is gone
                }
            }
        });
        writer.start();
        // A second or two of writes and at least a dozen of them, then the kill, mid-stream.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        TimeUnit.MILLISECONDS.sleep(1000 + 300L * round);
        while (result.projects.size() + result.targetWrites.get() < 12 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        service.kill();
        stop.set(true);
        writer.join(10_000);
        assertTrue(result.projects.size() + result.targetWrites.get() >= 12, "the client got few writes in");
        return result;
    }
}
