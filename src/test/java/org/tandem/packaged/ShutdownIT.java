package org.tandem.packaged;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A new installation starts without H2 refusing any statement, readiness includes the database, and SIGTERM lets a
 * request under way finish (quarkus.shutdown.timeout) before the process exits.
 */
class ShutdownIT {

    @Test
    void readinessChecksTheDatabaseAndSigtermLetsARequestUnderWayFinish() throws Exception {
        Path dataDir = Files.createTempDirectory("tandem-shutdown");
        try (PackagedService service = new PackagedService(dataDir)) {
            service.start();
            service.api().get("/q/health/ready").then().statusCode(200)
                    .body("checks.name", hasItem("Database connections health check"));
            // H2 writes a statement it refuses to its trace file: a new installation's start-up refuses none.
            assertFalse(Files.exists(dataDir.resolve("tandem.trace.db")),
                    () -> "H2 refused statements at start-up: " + read(dataDir.resolve("tandem.trace.db")));

            // A slow request: its body arrives over about two seconds, and SIGTERM comes in the middle.
            String code = "SLOW-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
            byte[] body = ("{\"code\":\"" + code + "\",\"name\":\"慢请求\",\"startYear\":2024,\"endYear\":2025}")
                    .getBytes(StandardCharsets.UTF_8);
            CountDownLatch started = new CountDownLatch(1);
            InputStream slow = new InputStream() {
                int next;

                @Override
                public int read() throws IOException {
                    if (next >= body.length) {
                        return -1;
                    }
                    if (next == 1) {
                        started.countDown();
                    }
                    if (next > 0) {
                        pause(2000 / body.length);
                    }
                    return body[next++] & 0xFF;
                }

                @Override
                public int read(byte[] into, int offset, int length) throws IOException {
                    int b = read();
                    if (b < 0) {
                        return -1;
                    }
                    into[offset] = (byte) b;
                    return 1;
                }
            };
            HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUri() + "/api/v1/programs"))
                    .version(HttpClient.Version.HTTP_1_1).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + service.adminToken())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> slow)).build();
            CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient().sendAsync(request,
                    HttpResponse.BodyHandlers.ofString());
            started.await(10, TimeUnit.SECONDS);
            TimeUnit.MILLISECONDS.sleep(300);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return service.terminate();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertEquals(201, response.statusCode(), response.body());
            exit.get(40, TimeUnit.SECONDS);

            service.start();
            service.api().get("/api/v1/programs/{code}", code).then().statusCode(200);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
