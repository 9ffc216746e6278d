package org.tandem.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.restassured.path.json.JsonPath;

/**
 * A webhook's event survives a kill of the service: recorded while the receiver is down, it is retried, the service
 * is killed (SIGKILL) in the middle of the retries, and after the restart the delivery is taken up from the database
 * and acknowledged exactly once.
 */
class WebhookRestartIT {

    @Test
    void anEventRecordedBeforeAKillIsDeliveredOnceAfterTheRestart() throws Exception {
        AtomicBoolean up = new AtomicBoolean(false);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (up.get()) {
                acknowledged.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
            } else {
                failed.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
            }
            exchange.close();
        });
        receiver.start();
        Path dataDir = Files.createTempDirectory("tandem-webhook-restart");
        try (PackagedService service = new PackagedService(dataDir).with("tandem.webhooks.backoff=PT0.5S",
                "tandem.webhooks.max-backoff=PT1S", "tandem.webhooks.max-attempts=1000",
                "tandem.webhooks.lease=PT5S", "tandem.webhooks.request-timeout=PT2S",
                "tandem.webhooks.allow-private-addresses=true")) {
            service.start();
            long hook = service.api().body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/hook", "eventTypes", List.of("DATA_RETURNED"))).post("/api/v1/webhooks").then()
                    .statusCode(201).extract().jsonPath().getLong("id");
            String program = "WH-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
            service.api().body(Map.of("code", program, "name", "重启测试", "startYear", 2023, "endYear", 2025))
                    .post("/api/v1/programs").then().statusCode(201);
            service.api().body(Map.of("industrial", List.of("330782"), "mountain", List.of("331102")))
                    .put("/api/v1/programs/{code}/counties", program).then().statusCode(200);
            long pairing = service.api().body(Map.of("program", program, "industrialCounty", "330782",
                    "mountainCounty", "331102")).post("/api/v1/pairings").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
            service.api().post("/api/v1/pairings/{id}/years/2024/actuals/submit", pairing).then().statusCode(200);
            service.api().body(Map.of("comment", "重启前退回")).post("/api/v1/pairings/{id}/years/2024/actuals/return",
                    pairing).then().statusCode(200);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (failed.get() < 2 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertTrue(failed.get() >= 2, "the receiver was not tried while down");
            service.kill();
            int triedBefore = failed.get();

            up.set(true);
            service.start();
            JsonPath deliveries = null;
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                deliveries = service.api().get("/api/v1/webhooks/{id}/deliveries", hook).then().statusCode(200)
                        .extract().jsonPath();
                if ("DELIVERED".equals(deliveries.getString("items[0].state"))) {
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
            assertEquals(1, deliveries.getInt("totalItems"));
            assertEquals("DELIVERED", deliveries.getString("items[0].state"));
            TimeUnit.SECONDS.sleep(2);
            assertEquals(1, acknowledged.get(), "acknowledged exactly once");
            int attempts = deliveries.getInt("items[0].attempts");
            // A second try means the first one's outcome was recorded: the attempts before the kill were kept.
            assertTrue(attempts >= 2, "attempts before the kill were lost: " + attempts);
            System.out.printf("WEBHOOK RESTART: %d failed attempts before SIGKILL, delivered after restart at attempt %d%n",
                    triedBefore, attempts);
        } finally {
            receiver.stop(0);
        }
    }
}
