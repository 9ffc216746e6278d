package org.tandem.cache;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A kept read asked for again is sent right after authentication ({@link KeptReadRoute}), and what is sent is
 * exactly what the REST layer sent; every request the REST layer would answer otherwise still goes to it.
 */
@QuarkusTest
class KeptReadRouteTest {

    @Inject
    DataVersion dataVersion;

    private String program;
    private long pairing;
    private String viewer;

    @BeforeEach
    void keptReadsAreOn() throws InterruptedException {
        KeptReads.awaitKept(dataVersion);
        program = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        pairing = Fixtures.pairing(program, Fixtures.YIWU, Fixtures.LIANDU);
        viewer = Api.token(Fixtures.user("viewer", null), Fixtures.PASSWORD);
    }

    private RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    private Response pairings(RequestSpecification request) {
        return request.queryParam("program", program).get("/api/v1/pairings");
    }

    @Test
    void aKeptReadIsSentAgainExactlyAsTheRestLayerSentIt() {
        String otherViewer = Api.token(Fixtures.user("viewer", null), Fixtures.PASSWORD);
        double before = KeptReads.sentEarly();
        Response first = pairings(as(viewer).header("X-Request-Id", "first-one"));
        first.then().statusCode(200).body("items[0].id", equalTo((int) pairing));
        assertEquals(before, KeptReads.sentEarly(), "the first read goes through the REST layer");

        Response again = pairings(as(viewer).header("X-Request-Id", "second-one"));
        again.then().statusCode(200).header("X-Request-Id", "second-one");
        assertEquals(before + 1, KeptReads.sentEarly(), "the same read again is sent after authentication");
        assertArrayEquals(first.asByteArray(), again.asByteArray());
        for (String header : List.of("Content-Type", "ETag", "Cache-Control", "Content-Length")) {
            assertEquals(first.header(header), again.header(header), header);
        }
        assertEquals(first.headers().asList().stream().map(h -> h.getName().toLowerCase()).sorted().toList(),
                again.headers().asList().stream().map(h -> h.getName().toLowerCase()).sorted().toList());

        // Revalidated there too: 304, no body, the same tag.
        pairings(as(viewer).header("If-None-Match", first.header("ETag"))).then().statusCode(304)
                .header("ETag", first.header("ETag")).header("Cache-Control", "private, no-cache")
                .body(emptyString());
        // Another user with the same rights gets the same answer, each request its own id.
        Response other = pairings(as(otherViewer));
        other.then().statusCode(200).header("ETag", first.header("ETag"));
        assertNotEquals(first.header("X-Request-Id"), other.header("X-Request-Id"));
        assertEquals(before + 3, KeptReads.sentEarly());
    }

    @Test
    void theContractHoldsForWhatIsSentEarlyWhateverTheClientAccepts() {
        String username = Fixtures.user("viewer", null);
        // RestAssured's JSON Accept lists four types: sent early once the REST layer has answered that Accept.
        Api.as(username, Fixtures.PASSWORD).queryParam("program", program).get("/api/v1/pairings").then()
                .statusCode(200);
        double before = KeptReads.sentEarly();
        Api.as(username, Fixtures.PASSWORD).queryParam("program", program).get("/api/v1/pairings").then()
                .statusCode(200).body("items[0].id", equalTo((int) pairing));
        assertEquals(before + 1, KeptReads.sentEarly());
    }

    @Test
    void aRefusedTokenIsAnsweredByTheRestLayerThoughTheReadIsKept() {
        pairings(as(viewer)).then().statusCode(200);
        double before = KeptReads.sentEarly();
        String tampered = viewer.substring(0, viewer.length() - 4) + (viewer.endsWith("AAAA") ? "BBBB" : "AAAA");
        pairings(as(tampered)).then().statusCode(401).contentType("application/problem+json");
        pairings(RestAssured.given()).then().statusCode(401).contentType("application/problem+json");
        pairings(RestAssured.given().header("Authorization", "Bearer")).then().statusCode(401);
        assertEquals(before, KeptReads.sentEarly());
    }

    @Test
    void aCallerWithOtherRightsGoesToTheRestLayerAndIsRefusedThere() {
        String admin = Api.token(Fixtures.user("admin", null), Fixtures.PASSWORD);
        String editor = Api.token(Fixtures.user("county-editor", Fixtures.YIWU), Fixtures.PASSWORD);
        as(admin).get("/api/v1/test-only/admin-only").then().statusCode(200);
        double before = KeptReads.sentEarly();
        Response kept = as(admin).get("/api/v1/test-only/admin-only");
        kept.then().statusCode(200).body("secret", equalTo("for admins"));
        assertEquals(before + 1, KeptReads.sentEarly());
        as(viewer).get("/api/v1/test-only/admin-only").then().statusCode(403).contentType("application/problem+json");
        as(editor).header("If-None-Match", kept.header("ETag")).get("/api/v1/test-only/admin-only").then()
                .statusCode(403);
        assertEquals(before + 1, KeptReads.sentEarly());
    }

    @Test
    void aRequestForAnythingButJsonGoesToTheRestLayer() {
        pairings(as(viewer)).then().statusCode(200);
        double before = KeptReads.sentEarly();
        // An export is never sent from a kept JSON read (nor kept itself); nor is anything else but JSON.
        pairings(as(viewer).accept("text/csv")).then().statusCode(200).contentType(startsWith("text/csv"));
        pairings(as(viewer).accept("text/xml")).then().statusCode(406);
        pairings(as(viewer).header("Range", "bytes=0-10")).then().statusCode(200);
        assertEquals(before, KeptReads.sentEarly());
        pairings(as(viewer).accept("*/*")).then().statusCode(200);
        pairings(as(viewer).accept("application/json")).then().statusCode(200);
        assertEquals(before + 2, KeptReads.sentEarly());
    }

    @Test
    void aWriteIsSeenAtOnceThoughTheReadWasSentEarly() {
        Response first = pairings(as(viewer));
        pairings(as(viewer)).then().statusCode(200).header("ETag", first.header("ETag"));
        Api.api().body(java.util.Map.of("sourceNote", "写了")).header("If-Match",
                Api.api().get("/api/v1/pairings/{id}", pairing).header("ETag")).patch("/api/v1/pairings/{id}", pairing)
                .then().statusCode(200);
        Response after = pairings(as(viewer));
        after.then().statusCode(200).body("items[0].sourceNote", equalTo("写了"));
        assertNotEquals(first.header("ETag"), after.header("ETag"));
    }

    @Test
    void requestMetricsNameTheRouteNotThePath() {
        String progress = "/api/v1/pairings/" + pairing + "/years/2023/progress";
        as(viewer).get(progress).then().statusCode(200);
        double before = KeptReads.sentEarly();
        as(viewer).get(progress).then().statusCode(200);
        assertEquals(before + 1, KeptReads.sentEarly());
        String metrics = RestAssured.given().auth().oauth2(Api.token("admin", Api.ADMIN_PASSWORD)).get("/q/metrics")
                .then().statusCode(200).body(containsString("uri=\"/api/v1/pairings/{id}/years/{year}/progress\""))
                .extract().asString();
        assertFalse(metrics.contains("/api/v1/pairings/" + pairing + "/"), "a raw path in the request metrics");
    }
}
