package org.tandem.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * 2xx is there after a restart. On H2 in file mode, and on PostgreSQL with -Ppostgresql.
 */
class CrashIT {

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
