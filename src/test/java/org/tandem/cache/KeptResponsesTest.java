package org.tandem.cache;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.anonymous;
import static org.tandem.support.Api.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.assessment.AnnualAssessmentTest;
import org.tandem.audit.RequestIds;
import org.tandem.security.SigningKeys;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * A kept read's whole response is sent again from the HTTP layer to the same request with the same token, and
 * to nothing else: every decision the REST layer would make again (the token, the user, the role, the media
 * type) still stands, or the request goes the usual way.
 */
@QuarkusTest
class KeptResponsesTest {

    @Inject
    KeptResponses responses;
    @Inject
    DataVersion dataVersion;
    @Inject
    SigningKeys keys;

    private String program;

    @BeforeEach
    void keptReadsAreOn() throws InterruptedException {
        // On PostgreSQL, reads are kept only once other instances' changes are heard (LISTEN is up).
        for (int i = 0; i < 100 && dataVersion.current() == DataVersion.UNKNOWN; i++) {
            Thread.sleep(50);
        }
        program = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        Fixtures.pairing(program, Fixtures.YIWU, Fixtures.LIANDU);
    }

    private Response pairings(RequestSpecification request) {
        return request.queryParam("program", program).get("/api/v1/pairings");
    }

    /** How many responses the HTTP layer sent from kept ones while {@code request} ran. */
    private long sentDuring(Runnable request) {
        long before = responses.sent();
        request.run();
        return responses.sent() - before;
    }

    @Test
    void theSameRequestAgainGetsTheSameResponseWithARequestIdOfItsOwn() {
        Response first = pairings(api());
        first.then().statusCode(200).body("items[0].industrialCounty.name", equalTo("义乌市"));
        Response[] again = new Response[2];
        assertEquals(2, sentDuring(() -> {
            again[0] = pairings(api());
            again[1] = pairings(api().header(RequestIds.HEADER, "trace-42"));
        }));
        again[0].then().statusCode(200).contentType("application/json")
                .header(RequestIds.HEADER, not(equalTo(first.header(RequestIds.HEADER))));
        assertEquals(first.asString(), again[0].asString());
        again[1].then().statusCode(200).header(RequestIds.HEADER, "trace-42");
        assertEquals(first.asString(), again[1].asString());
    }

    @Test
    void aDetailIsSentAgainWithItsEntityTag() {
        AnnualAssessmentTest.publishedScheme(program, 2024);
        AnnualAssessmentTest.run(program);
        long id = api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments").then()
                .statusCode(200).extract().jsonPath().getLong("items[0].id");
        Response first = api().get("/api/v1/assessments/{id}", id);
        first.then().statusCode(200).header("ETag", equalTo("\"0\""));
        Response[] again = new Response[1];
        assertEquals(1, sentDuring(() -> again[0] = api().get("/api/v1/assessments/{id}", id)));
        again[0].then().statusCode(200).header("ETag", equalTo("\"0\""));
        assertEquals(first.asString(), again[0].asString());
    }

    @Test
    void afterAnyChangeTheRequestGoesTheUsualWay() {
        pairings(api()).then().statusCode(200);
        dataVersion.changed();
        assertEquals(0, sentDuring(() -> pairings(api()).then().statusCode(200)));
        assertEquals(1, sentDuring(() -> pairings(api()).then().statusCode(200)));
    }

    @Test
    void aDisabledUsersTokenIsRefusedThoughItsReadWasKept() {
        String username = Fixtures.user("viewer", null);
        String token = Api.token(username, Fixtures.PASSWORD);
        pairings(anonymous().auth().oauth2(token)).then().statusCode(200);
        assertEquals(1, sentDuring(() -> pairings(anonymous().auth().oauth2(token)).then().statusCode(200)));
        long id = api().get("/api/v1/users?size=500").then().extract().jsonPath()
                .getLong("items.find { it.username == '" + username + "' }.id");
        api().body(Map.of("username", username, "roles", Set.of("viewer"), "enabled", false))
                .put("/api/v1/users/{id}", id).then().statusCode(200);
        assertEquals(0, sentDuring(() -> pairings(anonymous().auth().oauth2(token)).then().statusCode(401)
                .contentType("application/problem+json")));
    }

    @Test
    void anExpiredTokenIsRefusedThoughItsReadWasKept() throws InterruptedException {
        String username = Fixtures.user("viewer", null);
        long expiresAt = Instant.now().getEpochSecond() + 2;
        String shortLived = Jwt.issuer("tandem").upn(username).groups(Set.of("viewer")).expiresAt(expiresAt).jws()
                .keyId(keys.kid()).sign(keys.privateKey());
        pairings(anonymous().auth().oauth2(shortLived)).then().statusCode(200);
        pairings(anonymous().auth().oauth2(shortLived)).then().statusCode(200);
        while (Instant.now().getEpochSecond() <= expiresAt) {
            Thread.sleep(100);
        }
        assertEquals(0, sentDuring(() -> pairings(anonymous().auth().oauth2(shortLived)).then().statusCode(401)));
    }

    @Test
    void anotherTokenOrMediaTypeOrAConditionGoesTheUsualWay() {
        pairings(api()).then().statusCode(200);
        String token = Api.token("admin", Api.ADMIN_PASSWORD);
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertEquals(0, sentDuring(() -> {
            pairings(anonymous().auth().oauth2(altered)).then().statusCode(401);
            pairings(Api.raw().accept("application/xml")).then().statusCode(406);
            pairings(api().header("If-None-Match", "\"0\"")).then().statusCode(200);
        }));
        assertNotEquals(token, altered);
    }

    private static final int READERS = 12;

    /**
     * A read that passed the token check just before a disable committed, and read its data just after, must
     * not be kept under the data version the disable made: it would be sent again to the disabled token. Readers
     * hammer reads with one token, each read a new one (its own page), so that every read goes the usual way and
     * some overlap the disable; then every request issued after the disable was answered is refused, the same
     * reads again included.
     */
    @Test
    void noReadInFlightAsTheUserIsDisabledIsSentToTheDisabledTokenAfterwards() throws Exception {
        String username = Fixtures.uniqueCode("hammered").toLowerCase();
        long id = api().body(Map.of("username", username, "password", Fixtures.PASSWORD, "roles", List.of("viewer")))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        String token = Api.token(username, Fixtures.PASSWORD);
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try {
            for (int round = 0; round < 10; round++) {
                api().body(Map.of("username", username, "roles", Set.of("viewer"), "enabled", true))
                        .put("/api/v1/users/{id}", id).then().statusCode(200);
                AtomicBoolean reading = new AtomicBoolean(true);
                CountDownLatch going = new CountDownLatch(READERS);
                List<Future<List<long[]>>> readers = new ArrayList<>();
                for (int reader = 0; reader < READERS; reader++) {
                    readers.add(pool.submit(() -> {
                        // Each: the read, when it was issued, when it was answered, and how.
                        List<long[]> answers = new ArrayList<>();
                        while (reading.get()) {
                            int read = reads.getAndIncrement();
                            long issued = System.nanoTime();
                            int status = read(token, read);
                            answers.add(new long[] { read, issued, System.nanoTime(), status });
                            if (answers.size() == 5) {
                                going.countDown();
                            }
                        }
                        return answers;
                    }));
                }
                assertTrue(going.await(60, TimeUnit.SECONDS), "the readers did not get going");
                long sent = System.nanoTime();
                api().body(Map.of("username", username, "roles", Set.of("viewer"), "enabled", false))
                        .put("/api/v1/users/{id}", id).then().statusCode(200);
                long answered = System.nanoTime();
                reading.set(false);
                List<long[]> answers = new ArrayList<>();
                for (Future<List<long[]>> reader : readers) {
                    answers.addAll(reader.get(60, TimeUnit.SECONDS));
                }
                List<Integer> afterwards = new ArrayList<>();
                for (long[] answer : answers) {
                    if (answer[1] > answered) {
                        afterwards.add((int) answer[3]);
                    }
                    if (answer[2] > sent) {
                        // Answered while the disable was under way: the same read again, now.
                        afterwards.add(read(token, (int) answer[0]));
                    }
                }
                assertEquals(List.of(401), afterwards.stream().distinct().toList(),
                        "round " + round + ": after the disable, " + afterwards.stream().filter(s -> s != 401).count()
                                + " of " + afterwards.size() + " requests were not refused");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Kept read number {@code n} (a page of the program's pairings, each number its own) with {@code token}. */
    private int read(String token, int n) {
        return RestAssured.given().auth().oauth2(token).accept("application/json").queryParam("program", program)
                .queryParam("size", 1 + n % 500).queryParam("page", n / 500).get("/api/v1/pairings").statusCode();
    }
}
