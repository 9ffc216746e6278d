package org.tandem.notification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.support.Api.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * As in production, where private addresses are not allowed: a webhook cannot be pointed at the service's own
 * machine or network, and a refused one leaves nothing behind.
 */
@QuarkusTest
@TestProfile(WebhookDestinationTest.PublicReceiversOnly.class)
class WebhookDestinationTest {

    public static class PublicReceiversOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tandem.webhooks.allow-private-addresses", "false");
        }
    }

    private static int webhooks() {
        return api().get("/api/v1/webhooks?size=200").then().statusCode(200).extract().path("totalItems");
    }

    @Test
    void aWebhookToThisMachineOrAPrivateNetworkIsRefused() {
        int before = webhooks();
        for (String url : List.of("http://localhost:8080/api/v1/users", "http://127.0.0.1:9/", "http://[::1]/",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/hook", "http://192.168.1.1/")) {
            api().body(Map.of("url", url, "eventTypes", List.of("RESULTS_FINALIZED"))).post("/api/v1/webhooks").then()
                    .statusCode(400).contentType("application/problem+json").body("type", endsWith("/validation"))
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString("allow-private-addresses"));
        }
        assertEquals(before, webhooks(), "nothing was saved");

        long id = api().body(Map.of("url", "https://hooks.example.org/tandem", "eventTypes", List.of("RESULTS_FINALIZED")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
        String etag = api().get("/api/v1/webhooks/{id}", id).then().statusCode(200).extract().header("ETag");
        api().header("If-Match", etag).body(Map.of("url", "http://127.0.0.1:8080/", "eventTypes",
                List.of("RESULTS_FINALIZED"))).put("/api/v1/webhooks/{id}", id).then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        api().get("/api/v1/webhooks/{id}", id).then().statusCode(200).body("url", equalTo("https://hooks.example.org/tandem"));
        api().header("If-Match", etag).delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
    }
}
