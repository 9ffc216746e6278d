package org.tandem.reliability;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tandem.support.Api.api;
import static org.tandem.support.Api.raw;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;
import org.tandem.web.JsonConfig;
import org.tandem.web.PageRequest;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Inputs beyond what the service takes are refused with a problem, never a 500: bodies over the size limit (413),
 * strings over their column's length, numbers out of range, and JSON nested or sized to exhaust the parser (400).
 */
@QuarkusTest
class LimitsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aBodyOverTheSizeLimitIs413Problem() {
        String big = "{\"code\":\"BIG-1\",\"name\":\"" + "x".repeat(1_100_000) + "\",\"startYear\":2024,\"endYear\":2025}";
        raw().contentType(ContentType.JSON).body(big).post("/api/v1/programs").then().statusCode(413)
                .contentType(PROBLEM).body("status", equalTo(413)).body("type", equalTo("/problems/too-large"))
                .body("instance", equalTo("/api/v1/programs"));
    }

    @Test
    void aChunkedBodyOverTheSizeLimitIs413Problem() throws Exception {
        byte[] big = ("{\"code\":\"BIG-2\",\"name\":\"" + "x".repeat(1_100_000) + "\"}").getBytes();
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/programs"))
                .header("Content-Type", "application/json")
                // No length known in advance: sent chunked, so only reading it finds it too large.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpResponse<String> response = HttpClient.newBuilder().version(version).build().send(request,
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), version.name());
            assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""), version.name());
        }
    }

    @Inject
    ObjectMapper mapper;

    @Test
    void theParserRefusesJsonNestedDeeperThanTheLimit() throws Exception {
        int depth = JsonConfig.MAX_NESTING_DEPTH;
        mapper.readTree("[".repeat(depth) + "]".repeat(depth));
        assertThrows(StreamConstraintsException.class,
                () -> mapper.readTree("[".repeat(depth + 1) + "]".repeat(depth + 1)));
    }

    @Test
    void deeplyNestedJsonIs400Problem() {
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        api().body("{\"items\":" + nested + "}").put("/api/v1/pairings/{id}/years/2024/actuals", Fixtures.yiwuLiandu())
                .then().statusCode(400).contentType(PROBLEM);
        api().body(nested).post("/api/v1/programs").then().statusCode(400).contentType(PROBLEM);
        String objects = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        api().body(objects).post("/api/v1/programs").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void hugeButAllowedJsonIs400Problem() {
        StringBuilder items = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 20_000; i++) {
            items.append(i == 0 ? "" : ",").append("{\"indicator\":\"SUPPLY_CONTRACTS_VALUE\",\"value\":1}");
        }
        api().body(items.append("]}").toString())
                .put("/api/v1/pairings/{id}/years/2024/actuals", Fixtures.yiwuLiandu()).then().statusCode(400)
                .contentType(PROBLEM);
        api().body("{\"code\":\"X-9\",\"name\":\"n\",\"startYear\":2024,\"endYear\":2025,\"annualBudget\":1"
                + "0".repeat(900_000) + "}").post("/api/v1/programs").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/malformed-json")).body("detail", containsString("too long"));
    }

    @Test
    void numbersOutOfRangeAre400() {
        long pairing = Fixtures.yiwuLiandu();
        api().body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", 1e30))))
                .put("/api/v1/pairings/{id}/years/2024/actuals", pairing).then().statusCode(400).contentType(PROBLEM);
        api().body("{\"items\":[{\"indicator\":\"SUPPLY_CONTRACTS_VALUE\",\"value\":1e999999999}]}")
                .put("/api/v1/pairings/{id}/years/2024/actuals", pairing).then().statusCode(400).contentType(PROBLEM);
        api().body("{\"code\":\"X-8\",\"name\":\"n\",\"startYear\":1000000000000,\"endYear\":2025}")
                .post("/api/v1/programs").then().statusCode(400).contentType(PROBLEM);
        raw().get("/api/v1/pairings/{id}/years/1000000000000/actuals", pairing).then().statusCode(400)
                .contentType(PROBLEM);
        raw().get("/api/v1/pairings/{id}/years/-5/actuals", pairing).then().statusCode(400).contentType(PROBLEM);
        raw().get("/api/v1/pairings/99999999999999999999").then().statusCode(400).contentType(PROBLEM);
        // page × size once overflowed into a negative row offset: 500
        raw().queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).get("/api/v1/counties").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("page"));
        raw().queryParam("page", PageRequest.MAX_PAGE).queryParam("size", 500).get("/api/v1/counties").then()
                .statusCode(200).body("items.size()", equalTo(0));
        raw().queryParam("page", "1e12").get("/api/v1/counties").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void stringsOverTheirColumnAre400() {
        api().body(Map.of("program", Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU)), "year", 2024,
                "name", "n", "rules",
                Map.of("tracks", List.of(Map.of("track", "T".repeat(100_000), "weight", 100)), "indicators",
                        List.of(Map.of("indicator", "I".repeat(100_000), "points", 100, "function",
                                Map.of("type", "RATIO"))),
                        "bonusCap", 0, "deductionCap", 0)))
                .post("/api/v1/scoring-schemes").then().statusCode(400).contentType(PROBLEM);
        api().header("X-Actor", "a".repeat(10_000)).body(Map.of("code", Fixtures.uniqueCode("A"), "name", "n",
                "startYear", 2024, "endYear", 2025)).post("/api/v1/programs").then().statusCode(201);
    }
}
