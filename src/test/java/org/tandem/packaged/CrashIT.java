package org.tandem.packaged;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A client writes as fast as it can while the service is killed (SIGKILL) under it: every write that was answered
 * 2xx is there after a restart. On H2 in file mode, and on PostgreSQL with -Ppostgresql. And a kill during the first
 * start does not leave a data directory that cannot start.
 */
class CrashIT {

    /**
     * Killed while its first start migrates the new database (at the start of V8), the service starts
     * on the same data directory afterwards, with the reference data once. H2 cannot roll DDL back, so before
     * {@code FreshH2Migration} started such a database over, every later start failed on the half-made migration.
     * PostgreSQL's migrations are transactional, and its database is not new here.
     */
    @Test
    void aKillDuringTheFirstMigrationLeavesADirectoryThatStarts() throws Exception {
        assumeFalse(PackagedService.onPostgresql(), "the embedded default's own database");
        Path dataDir = Files.createTempDirectory("tandem-first-start");
        try (PackagedService service = new PackagedService(dataDir)) {
            service.launch();
            assertTrue(service.awaitLog("to version \"8 - "), "the first start reached V8");
            service.kill();

            service.start();
            service.api().get("/api/v1/counties?size=1").then().statusCode(200).body("totalItems", is(90));
        }
    }

    @Test
    void everyWriteAnswered2xxSurvivesAKillInTheMiddleOfAStreamOfWrites() throws Exception {
        Path dataDir = Files.createTempDirectory("tandem-crash");
        try (PackagedService service = new PackagedService(dataDir)) {
            service.start();
            String prefix = "CRASH-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
            ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger refused = new AtomicInteger();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String code = prefix + "-" + i;
                    try {
                        int status = service.api()
                                .body(Map.of("code", code, "name", "崩溃测试 " + i, "startYear", 2024, "endYear",
                                        2026, "annualBudget", 1000 + i))
                                .post("/api/v1/programs").then().extract().statusCode();
                        if (status / 100 == 2) {
                            acknowledged.add(code);
                        } else if (!stop.get()) {
                            refused.incrementAndGet();
                        }
                    } catch (Throwable connectionLost) {
                        if (!stop.get() && acknowledged.isEmpty()) {
                            connectionLost.printStackTrace();
                        }
                        return; // the service is gone
                    }
                }
            });
            // Warm up the write path first (client and server; a cold first write can take seconds on a busy machine).
            service.api()
                    .body(Map.of("code", prefix + "-WARM", "name", "预热", "startYear", 2024, "endYear", 2026))
                    .post("/api/v1/programs").then().statusCode(201);
            writer.start();
            // About two seconds of writes, and at least a few dozen of them, however slow the machine.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            TimeUnit.SECONDS.sleep(2);
            while (acknowledged.size() < 20 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            service.kill();
            stop.set(true);
            writer.join(10_000);
            assertTrue(acknowledged.size() >= 20,
                    "the client got few writes in: " + acknowledged.size() + ", refused " + refused.get());

            service.start();
            List<String> missing = new ArrayList<>();
            for (String code : acknowledged) {
                if (service.api().get("/api/v1/programs/{code}", code).statusCode() != 200) {
                    missing.add(code);
                }
            }
            System.out.printf("CRASH: %d writes answered 2xx before SIGKILL, %d missing after restart%n",
                    acknowledged.size(), missing.size());
            assertEquals(List.of(), missing, "acknowledged writes lost");
        }
    }
}
