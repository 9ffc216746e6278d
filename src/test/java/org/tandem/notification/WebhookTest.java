package org.tandem.notification;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * Webhooks over HTTP against receivers the test starts itself (the JDK's HttpServer on a free port): signed JSON,
 * retried with backoff until acknowledged exactly once, picked up from the database by a sender that knows nothing,
 * and never in the way of a write.
 */
@QuarkusTest
class WebhookTest {

    private static final String SECRET = "a-receivers-shared-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Scheduler scheduler;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    WebhookConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    WebhookClient http;
    @Inject
    Vertx vertx;

    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<Long> webhooks = new CopyOnWriteArrayList<>();

    /** One request as the receiver got it. */
    record Received(URI uri, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    /** A receiver that answers {@code status(n)} to its n-th request (1-based), after {@code delayMillis}. */
    private String receiver(List<Received> received, java.util.function.IntUnaryOperator status, long delayMillis)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger count = new AtomicInteger();
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI(), Map.copyOf(exchange.getRequestHeaders()), body));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status.applyAsInt(count.incrementAndGet()), -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stop() {
        // Other tests' events must not go to receivers that are gone.
        webhooks.forEach(id -> api().delete("/api/v1/webhooks/{id}", id));
        servers.forEach(server -> server.stop(0));
        scheduler.resume("webhook-deliveries");
    }

    private long webhook(String url, List<String> types) {
        long id = api().body(Map.of("url", url, "eventTypes", types, "secret", SECRET, "description", "测试接收端"))
                .post("/api/v1/webhooks").then().statusCode(201).body("secret", equalTo(SECRET)).extract().jsonPath()
                .getLong("id");
        webhooks.add(id);
        return id;
    }

    /** A pair-year submitted and returned: one DATA_RETURNED event; answers the pairing. */
    private static long returnData(String comment) {
        long pairing = Fixtures.yiwuLiandu();
        api().post("/api/v1/pairings/{id}/years/2024/actuals/submit", pairing).then().statusCode(200);
        api().body(Map.of("comment", comment)).post("/api/v1/pairings/{id}/years/2024/actuals/return", pairing).then()
                .statusCode(200);
        return pairing;
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheSignedEventAcknowledgedOnce() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        long hook = webhook(receiver(received, n -> n <= 3 ? 503 : 200, 0), List.of("DATA_RETURNED"));
        long pairing = returnData("请核对亩均税收");

        await(() -> received.size() >= 4, Duration.ofSeconds(30));
        var delivered = api().get("/api/v1/webhooks/{id}/deliveries", hook).then().statusCode(200)
                .body("totalItems", equalTo(1)).extract().jsonPath();
        await(() -> "DELIVERED".equals(api().get("/api/v1/webhooks/{id}/deliveries", hook).then().extract().jsonPath()
                .getString("items[0].state")), Duration.ofSeconds(10));
        api().get("/api/v1/webhooks/{id}/deliveries", hook).then().body("items[0].state", equalTo("DELIVERED"))
                .body("items[0].attempts", equalTo(4)).body("items[0].lastStatus", equalTo(200))
                .body("items[0].eventType", equalTo("DATA_RETURNED"))
                .body("items[0]", not(hasKey("nextAttemptAt"))).body("items[0]", not(hasKey("lastError")));
        // Acknowledged once: nothing more arrives.
        Thread.sleep(config.maxBackoff().toMillis() + 1500);
        assertEquals(4, received.size());

        String deliveryId = delivered.getString("items[0].id");
        for (Received request : received) {
            assertEquals(deliveryId, request.header("X-Tandem-Delivery"));
            assertEquals("DATA_RETURNED", request.header("X-Tandem-Event"));
            assertTrue(request.header("Content-Type").startsWith("application/json"));
            // The receiver's own check: HMAC-SHA256 over "<t>.<body>" with the shared secret, t close to now.
            String signature = request.header("X-Tandem-Signature");
            String t = signature.substring(2, signature.indexOf(','));
            String v1 = signature.substring(signature.indexOf(",v1=") + 4);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            assertEquals(java.util.HexFormat.of().formatHex(mac.doFinal(request.body())), v1);
            assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) < 300);
        }
        JsonNode event = JSON.readTree(received.get(3).body());
        assertEquals("DATA_RETURNED", event.get("type").asText());
        assertEquals(pairing, event.get("pairingId").asLong());
        assertEquals(2024, event.get("year").asInt());
        assertEquals("请核对亩均税收", event.get("data").get("comment").asText());
        assertEquals(Long.parseLong(deliveryId), event.get("deliveryId").asLong());
        // The same event as the feed shows it.
        api().queryParam("pairing", pairing).queryParam("type", "DATA_RETURNED").get("/api/v1/notifications").then()
                .body("items[0].id", equalTo(event.get("id").asInt()));
        // A body changed in transit fails the receiver's check.
        Received last = received.get(3);
        byte[] tampered = new String(last.body(), StandardCharsets.UTF_8).replace("请核对", "不核对")
                .getBytes(StandardCharsets.UTF_8);
        String v1 = last.header("X-Tandem-Signature");
        long t = Long.parseLong(v1.substring(2, v1.indexOf(',')));
        assertFalse(Signatures.hmac(SECRET, t, tampered).equals(v1.substring(v1.indexOf(",v1=") + 4)));
    }

    @Test
    void aDeadDeliveryIsSentAgainOnceItsReceiverIsMended() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean mended = new java.util.concurrent.atomic.AtomicBoolean();
        long hook = webhook(receiver(received, n -> mended.get() ? 200 : 500, 0), List.of("DATA_RETURNED"));
        scheduler.pause("webhook-deliveries");
        returnData("接收端故障期间的退回");
        long delivery = api().get("/api/v1/webhooks/{id}/deliveries", hook).then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
        // As the sender leaves a delivery that failed as often as allowed.
        try (var connection = dataSource.getConnection();
                var dead = connection.prepareStatement("update webhook_delivery set state = 'DEAD', attempts = ?,"
                        + " last_status = 500, last_error = 'answered 500' where id = ?")) {
            dead.setInt(1, config.maxAttempts());
            dead.setLong(2, delivery);
            assertEquals(1, dead.executeUpdate());
        }
        scheduler.resume("webhook-deliveries");
        Thread.sleep(1500);
        assertEquals(0, received.size(), "a DEAD delivery is not tried again by itself");

        mended.set(true);
        api().post("/api/v1/webhooks/{id}/deliveries/{d}/retry", hook, delivery).then().statusCode(200)
                .body("id", equalTo((int) delivery)).body("state", equalTo("PENDING")).body("attempts", equalTo(0));
        await(() -> "DELIVERED".equals(api().get("/api/v1/webhooks/{id}/deliveries", hook).then().extract().jsonPath()
                .getString("items[0].state")), Duration.ofSeconds(10));
        assertEquals(1, received.size());
        api().get("/api/v1/webhooks/{id}/deliveries", hook).then().body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatus", equalTo(200));
        api().queryParam("entityType", "WebhookDelivery").queryParam("entityId", delivery).get("/api/v1/audit-events")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].action", equalTo("RETRY"));

        api().post("/api/v1/webhooks/{id}/deliveries/{d}/retry", hook, delivery).then().statusCode(409)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("/already-delivered"));
        api().post("/api/v1/webhooks/{id}/deliveries/{d}/retry", hook, delivery + 1_000_000).then().statusCode(404);
        long other = webhook(receiver(new CopyOnWriteArrayList<>(), n -> 200, 0), List.of("RESULTS_FINALIZED"));
        api().post("/api/v1/webhooks/{id}/deliveries/{d}/retry", other, delivery).then().statusCode(404);
        Api.as(Fixtures.user("assessor", null), Fixtures.PASSWORD)
                .post("/api/v1/webhooks/{id}/deliveries/{d}/retry", hook, delivery).then().statusCode(403);
        assertEquals(1, received.size());
    }

    @Test
    void pendingDeliveriesArePickedUpFromTheDatabaseByAFreshSender() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        long hook = webhook(receiver(received, n -> 204, 0), List.of("DATA_RETURNED"));
        // This instance's sender is stopped: the event waits in the database as if the service had stopped.
        scheduler.pause("webhook-deliveries");
        returnData("停机期间的退回");
        Thread.sleep(1500);
        assertEquals(0, received.size());
        api().get("/api/v1/webhooks/{id}/deliveries", hook).then().body("items[0].state", equalTo("PENDING"))
                .body("items[0].attempts", equalTo(0));

        // A sender that knows nothing, as after a restart, finds it in the database and delivers it.
        WebhookSender fresh = freshSender(http);
        assertTrue(fresh.deliverDue() >= 1);
        assertEquals(1, received.size());
        api().get("/api/v1/webhooks/{id}/deliveries", hook).then().body("items[0].state", equalTo("DELIVERED"))
                .body("items[0].attempts", equalTo(1)).body("items[0].lastStatus", equalTo(204));
        // Claimed and done: a second pass has nothing for it.
        fresh.deliverDue();
        assertEquals(1, received.size());
    }

    @Test
    void aReceiverThatAnswersAtOnceIsHeardEveryTime() throws Exception {
        // The answer can be back on the client's event loop before the sending thread has chained what reads it:
        // each post must still answer its receiver's status, not a failure of the client's own making.
        List<Received> received = new CopyOnWriteArrayList<>();
        String url = receiver(received, n -> n % 2 == 0 ? 204 : 200, 0);
        byte[] body = "{\"probe\":\"回执\"}".getBytes(StandardCharsets.UTF_8);
        int posts = 2000;
        List<String> wrong = new ArrayList<>();
        for (int i = 1; i <= posts; i++) {
            String outcome;
            try {
                outcome = String.valueOf(http.post(url, Map.of("Content-Type", "application/json"), body).join());
            } catch (java.util.concurrent.CompletionException e) {
                outcome = String.valueOf(e.getCause());
            }
            if (!outcome.equals(i % 2 == 0 ? "204" : "200") && wrong.size() < 5) {
                wrong.add("post " + i + ": " + outcome);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(posts, received.size());
    }

    /** A sender that knows nothing, as after a restart, sending with {@code client}. */
    private WebhookSender freshSender(WebhookClient client) {
        WebhookSender fresh = new WebhookSender();
        fresh.dataSource = dataSource;
        fresh.config = config;
        fresh.json = json;
        fresh.http = client;
        return fresh;
    }

    /**
     * Answers {@code addresses} (127.0.0.1 when none) for {@code name}, recording each look-up of it; other names as
     * the JDK does.
     */
    private static WebhookClient.Resolver resolving(String name, List<String> lookUps, String... addresses) {
        return host -> {
            if (!host.equals(name)) {
                return InetAddress.getAllByName(host);
            }
            lookUps.add(host);
            List<InetAddress> resolved = new ArrayList<>();
            for (String address : addresses.length == 0 ? new String[] { "127.0.0.1" } : addresses) {
                resolved.add(InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress()));
            }
            return resolved.toArray(InetAddress[]::new);
        };
    }

    /**
     * One pass of a fresh sender whose client has {@code config} and resolves {@code name} to {@code addresses}
     * (127.0.0.1 when none), recording each look-up in {@code lookUps}; answers how many deliveries it tried.
     */
    private int deliverDue(WebhookConfig config, String name, List<String> lookUps, String... addresses) {
        WebhookClient client = new WebhookClient(vertx, config, resolving(name, lookUps, addresses));
        try {
            return freshSender(client).deliverDue();
        } finally {
            client.close();
        }
    }

    /** A receiver's requests and port, and a webhook to it whose delivery is pending. */
    private record Pending(List<Received> received, int port, long hook) {
    }

    /**
     * A receiver answering 204, a webhook to it named {@code name} (with path and query {@code target}), and a
     * delivery of a returned pair-year to it, left pending while this instance's sender is paused.
     */
    private Pending pendingDelivery(String name, String target) throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        int port = URI.create(receiver(received, n -> 204, 0)).getPort();
        long hook = webhook("http://" + name + ":" + port + target, List.of("DATA_RETURNED"));
        scheduler.pause("webhook-deliveries");
        returnData("只解析一次：" + name);
        return new Pending(received, port, hook);
    }

    @Test
    void aDeliveryConnectsToTheAddressItsNameResolvedToWhenCheckedAndStillNamesTheHost() throws Exception {
        String name = "hooks.tandem.test";
        Pending pending = pendingDelivery(name, "/hook?source=%E5%8F%B0%E8%B4%A6");
        List<Received> received = pending.received();

        // The name exists only in this resolver: a client that looked it up again on its own could not connect.
        List<String> lookUps = new CopyOnWriteArrayList<>();
        assertTrue(deliverDue(config, name, lookUps) >= 1);
        assertEquals(List.of(name), lookUps, "looked up once for the delivery");
        assertEquals(1, received.size());
        assertEquals(name + ":" + pending.port(), received.get(0).header("Host"));
        assertEquals("/hook?source=%E5%8F%B0%E8%B4%A6", received.get(0).uri().getRawPath() + "?"
                + received.get(0).uri().getRawQuery());
        api().get("/api/v1/webhooks/{id}/deliveries", pending.hook()).then()
                .body("items[0].state", equalTo("DELIVERED")).body("items[0].lastStatus", equalTo(204));
    }

    @Test
    void anAddressThatTakesNoConnectionGivesWayToTheNextOneTheNameResolvedTo() throws Exception {
        String name = "two.tandem.test";
        Pending pending = pendingDelivery(name, "/hook");

        // The receiver listens on 127.0.0.1 alone: 127.0.0.2, also this machine, refuses the connection at once.
        List<String> lookUps = new CopyOnWriteArrayList<>();
        assertTrue(deliverDue(config, name, lookUps, "127.0.0.2", "127.0.0.1") >= 1);
        assertEquals(List.of(name), lookUps, "looked up once for the delivery");
        assertEquals(1, pending.received().size(), "received once");
        api().get("/api/v1/webhooks/{id}/deliveries", pending.hook()).then()
                .body("items[0].state", equalTo("DELIVERED")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatus", equalTo(204));
    }

    @Test
    void aNameThatResolvesToThisMachineIsRefusedBeforeAnyConnection() throws Exception {
        String name = "rebound.tandem.test";
        Pending pending = pendingDelivery(name, "/hook");

        // As in production, where private addresses are not allowed.
        WebhookConfig publicOnly = (WebhookConfig) Proxy.newProxyInstance(WebhookConfig.class.getClassLoader(),
                new Class<?>[] { WebhookConfig.class }, (proxy, method, args) -> method.getName()
                        .equals("allowPrivateAddresses") ? Boolean.FALSE : method.invoke(config, args));
        List<String> lookUps = new CopyOnWriteArrayList<>();
        deliverDue(publicOnly, name, lookUps);
        assertEquals(List.of(name), lookUps);
        assertEquals(0, pending.received().size(), "nothing reached the receiver");
        api().get("/api/v1/webhooks/{id}/deliveries", pending.hook()).then()
                .body("items[0].state", equalTo("FAILED_RETRYING")).body("items[0].attempts", equalTo(1))
                .body("items[0]", not(hasKey("lastStatus")))
                .body("items[0].lastError", equalTo("IllegalStateException: refused: " + name
                        + " resolves to 127.0.0.1, which is not a public address"
                        + " (tandem.webhooks.allow-private-addresses)"));
    }

    @Test
    void aReceiverThatHangsNeitherBlocksNorSlowsAWrite() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        long hook = webhook(receiver(received, n -> 200, config.requestTimeout().toMillis() + 2000),
                List.of("SUBMISSION_WAITING"));
        long pairing = Fixtures.yiwuLiandu();
        long started = System.nanoTime();
        api().post("/api/v1/pairings/{id}/years/2024/actuals/submit", pairing).then().statusCode(200);
        long millis = (System.nanoTime() - started) / 1_000_000;
        // Sent within the request, it would take at least the request timeout (the receiver answers later still).
        assertTrue(millis < config.requestTimeout().toMillis(), "the submit took " + millis + " ms");
        // The receiver did get it, and timed out: the delivery is retried later.
        await(() -> "FAILED_RETRYING".equals(api().get("/api/v1/webhooks/{id}/deliveries", hook).then().extract()
                .jsonPath().getString("items[0].state")), Duration.ofSeconds(20));
        api().get("/api/v1/webhooks/{id}/deliveries", hook).then().body("items[0].attempts", equalTo(1))
                .body("items[0].lastError", equalTo("TimeoutException: no answer within " + config.requestTimeout()));
        // Other writes go on meanwhile.
        started = System.nanoTime();
        api().body(Map.of("comment", "x")).post("/api/v1/pairings/{id}/years/2024/actuals/return", pairing).then()
                .statusCode(200);
        millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < config.requestTimeout().toMillis(), "the return took " + millis + " ms");
    }

    @Test
    void theSecretIsShownOnceAndWebhooksAreForAdmins() throws Exception {
        long hook = webhook("https://hooks.example.org/tandem", List.of("RESULTS_FINALIZED", "DATA_RETURNED"));
        String etag = api().get("/api/v1/webhooks/{id}", hook).then().statusCode(200)
                .body("eventTypes", equalTo(List.of("DATA_RETURNED", "RESULTS_FINALIZED")))
                .body("$", not(hasKey("secret"))).extract().header("ETag");
        api().get("/api/v1/webhooks").then().statusCode(200).body("items.find { it.id == " + hook + " }",
                not(hasKey("secret")));
        // Generated when not given; shown in the creation's answer only.
        long generated = api().body(Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("DEADLINE_MISSED")))
                .post("/api/v1/webhooks").then().statusCode(201).body("secret", startsWith("whsec_"))
                .body("active", equalTo(true)).extract().jsonPath().getLong("id");
        webhooks.add(generated);
        // Changed with If-Match; the secret is kept unless given, and never audited.
        api().header("If-Match", "\"stale\"").body(Map.of("url", "https://hooks.example.org/v2", "eventTypes",
                List.of("DATA_RETURNED"))).put("/api/v1/webhooks/{id}", hook).then().statusCode(412);
        api().header("If-Match", etag).body(Map.of("url", "https://hooks.example.org/v2", "eventTypes",
                List.of("DATA_RETURNED"), "active", false)).put("/api/v1/webhooks/{id}", hook).then().statusCode(200)
                .body("url", equalTo("https://hooks.example.org/v2")).body("active", equalTo(false))
                .body("$", not(hasKey("secret")));
        String audit = api().queryParam("entityType", "Webhook").queryParam("entityId", hook)
                .get("/api/v1/audit-events").then().statusCode(200).body("totalItems", equalTo(2)).extract().asString();
        assertFalse(audit.contains(SECRET), "the audit trail must not hold the secret");

        String assessor = Fixtures.user("assessor", null);
        Api.as(assessor, Fixtures.PASSWORD).get("/api/v1/webhooks").then().statusCode(403);
        Api.as(assessor, Fixtures.PASSWORD).body(Map.of("url", "https://x.example.org", "eventTypes",
                List.of("DATA_RETURNED"))).post("/api/v1/webhooks").then().statusCode(403);

        api().delete("/api/v1/webhooks/{id}", hook).then().statusCode(204);
        api().get("/api/v1/webhooks/{id}", hook).then().statusCode(404).contentType("application/problem+json");
        api().get("/api/v1/webhooks/{id}/deliveries", hook).then().statusCode(404);
    }

    @Test
    void badWebhooksAreRefusedWith400() {
        long before = api().get("/api/v1/webhooks").then().extract().jsonPath().getLong("totalItems");
        for (String url : List.of("ftp://hooks.example.org/x", "file:///etc/passwd", "hooks.example.org/x",
                "javascript:alert(1)", "http:///nohost", "https://user:pw@hooks.example.org/x")) {
            api().body(Map.of("url", url, "eventTypes", List.of("DATA_RETURNED"))).post("/api/v1/webhooks").then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        }
        api().body(Map.of("url", "https://hooks.example.org/x", "eventTypes", List.of("NOPE")))
                .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json");
        api().body(Map.of("url", "https://hooks.example.org/x", "eventTypes", List.of())).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        api().body(Map.of("url", "https://hooks.example.org/x", "eventTypes", List.of("DATA_RETURNED"), "secret",
                "short")).post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("secret"));
        api().body(Map.of("eventTypes", List.of("DATA_RETURNED"))).post("/api/v1/webhooks").then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        api().queryParam("state", "LOST").get("/api/v1/webhooks/{id}/deliveries", 1).then().statusCode(400);
        api().get("/api/v1/webhooks").then().body("totalItems", equalTo((int) before));
    }

    private static void await(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + atMost);
            }
            Thread.sleep(100);
        }
    }
}
