package org.tandem.cache;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.tandem.security.SigningKeys;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;
import org.tandem.web.Versions;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * HTTP caching by the standard: every read carries a strong ETag of what it sends and may be revalidated with
 * If-None-Match (304, no body); the tag changes when, and only when, the answer does; and nothing cached is
 * answered to a caller the request's own authentication and authorization would refuse, or to a caller with
 * other rights.
 */
@QuarkusTest
class HttpCachingTest {

    /** A strong tag: a quoted base64url hash of the JSON sent. */
    private static final String STRONG_TAG = "\"[A-Za-z0-9_-]{22}\"";

    @Inject
    DataVersion dataVersion;
    @Inject
    SigningKeys keys;

    private String program;
    private long pairing;

    @BeforeEach
    void keptReadsAreOn() throws InterruptedException {
        KeptReads.awaitKept(dataVersion);
        program = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        pairing = Fixtures.pairing(program, Fixtures.YIWU, Fixtures.LIANDU);
    }

    private Response pairings(RequestSpecification request) {
        return request.queryParam("program", program).get("/api/v1/pairings");
    }

    /** Asks again with the tag of {@code first}: 304, no body, the same tag and caching rule. */
    private static void notModified(RequestSpecification request, String path, Response first, Object... params) {
        String etag = first.header("ETag");
        request.header("If-None-Match", etag).get(path, params).then().statusCode(304).body(emptyString())
                .header("ETag", etag).header("Cache-Control", "private, no-cache");
    }

    @Test
    void aSingleResourceIsRevalidatedWith304() {
        Response first = api().get("/api/v1/pairings/{id}", pairing);
        first.then().statusCode(200).header("ETag", matchesPattern(STRONG_TAG))
                .header("Cache-Control", "private, no-cache");
        String etag = first.header("ETag");
        notModified(api(), "/api/v1/pairings/{id}", first, pairing);
        api().header("If-None-Match", "W/" + etag).get("/api/v1/pairings/{id}", pairing).then().statusCode(304);
        api().header("If-None-Match", "\"other\", " + etag).get("/api/v1/pairings/{id}", pairing).then()
                .statusCode(304);
        api().header("If-None-Match", "*").get("/api/v1/pairings/{id}", pairing).then().statusCode(304);
        api().header("If-None-Match", "\"other\"").get("/api/v1/pairings/{id}", pairing).then().statusCode(200)
                .header("ETag", etag).body("id", equalTo((int) pairing));
        assertEquals(first.asString(), api().get("/api/v1/pairings/{id}", pairing).asString());
    }

    @Test
    void aListIsRevalidatedWith304FreshOrKept() {
        Response first = pairings(api());
        first.then().statusCode(200).header("ETag", matchesPattern(STRONG_TAG))
                .header("Cache-Control", "private, no-cache").body("items[0].id", equalTo((int) pairing));
        // The second time the list is kept: the tag is the one kept with its JSON.
        notModified(api().queryParam("program", program), "/api/v1/pairings", first);
        pairings(api()).then().statusCode(200).header("ETag", first.header("ETag"));
        dataVersion.changed();
        // Read again from the database: the same answer, the same tag.
        notModified(api().queryParam("program", program), "/api/v1/pairings", first);
    }

    @Test
    void theRankingIsRevalidatedWith304() {
        AnnualAssessmentTest.publishedScheme(program, 2024);
        AnnualAssessmentTest.run(program);
        Response first = api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments");
        first.then().statusCode(200).header("ETag", matchesPattern(STRONG_TAG)).body("items.size()", equalTo(1));
        notModified(api().queryParam("program", program).queryParam("year", 2024), "/api/v1/assessments", first);
        long id = first.jsonPath().getLong("items[0].id");
        Response detail = api().get("/api/v1/assessments/{id}", id);
        detail.then().statusCode(200).header("ETag", matchesPattern(STRONG_TAG));
        notModified(api(), "/api/v1/assessments/{id}", detail, id);
        Response progress = api().get("/api/v1/pairings/{id}/years/2024/progress", pairing);
        notModified(api(), "/api/v1/pairings/{id}/years/2024/progress", progress, pairing);
    }

    @Test
    void theETagChangesAfterAWriteThatChangesTheAnswerAndOnlyThen() {
        Response list = pairings(api());
        Response single = api().get("/api/v1/pairings/{id}", pairing);
        String etag = single.header("ETag");
        Response changed = api().header("If-Match", etag).body(Map.of("sourceNote", "新的来源"))
                .patch("/api/v1/pairings/{id}", pairing);
        changed.then().statusCode(200).header("ETag", matchesPattern(STRONG_TAG)).header("ETag", not(equalTo(etag)))
                .header("Cache-Control", nullValue());
        // The write's tag is the one the next read sends; the old one no longer matches, for reads or writes.
        api().header("If-None-Match", etag).get("/api/v1/pairings/{id}", pairing).then().statusCode(200)
                .header("ETag", changed.header("ETag")).body("sourceNote", equalTo("新的来源"));
        api().header("If-Match", etag).body(Map.of("sourceNote", "又一个")).patch("/api/v1/pairings/{id}", pairing)
                .then().statusCode(412).contentType("application/problem+json").header("ETag", nullValue());
        pairings(api().header("If-None-Match", list.header("ETag"))).then().statusCode(200)
                .header("ETag", not(equalTo(list.header("ETag")))).body("items[0].sourceNote", equalTo("新的来源"));
        // Writing the same again changes nothing, so neither does the tag; If-Match * matches whatever exists.
        api().header("If-Match", "*").body(Map.of("sourceNote", "新的来源")).patch("/api/v1/pairings/{id}", pairing)
                .then().statusCode(200).header("ETag", changed.header("ETag"));
    }

    @Test
    void anErrorHasNoETagAndIsNeverNotModified() {
        api().header("If-None-Match", "*").get("/api/v1/pairings/{id}", 999_999_999L).then().statusCode(404)
                .contentType("application/problem+json").header("ETag", nullValue());
    }

    @Test
    void callersWithDifferentRightsNeverShareAKeptRead() {
        String admin = Api.token("admin", Api.ADMIN_PASSWORD);
        String yiwu = Api.token(Fixtures.user("county-editor", Fixtures.YIWU), Fixtures.PASSWORD);
        String yiwuToo = Api.token(Fixtures.user("county-editor", Fixtures.YIWU), Fixtures.PASSWORD);
        String liandu = Api.token(Fixtures.user("county-editor", Fixtures.LIANDU), Fixtures.PASSWORD);
        dataVersion.changed();
        Response asAdmin = probe(admin, "rights");
        asAdmin.then().statusCode(200).body("roles", equalTo("[admin]")).body("county", equalTo("none"));
        Response asYiwu = probe(yiwu, "rights");
        asYiwu.then().statusCode(200).body("roles", equalTo("[county-editor]")).body("county", equalTo(Fixtures.YIWU));
        assertNotEquals(asAdmin.jsonPath().getInt("read"), asYiwu.jsonPath().getInt("read"));
        probe(liandu, "rights").then().statusCode(200).body("county", equalTo(Fixtures.LIANDU))
                .body("read", not(equalTo(asYiwu.jsonPath().getInt("read"))));
        // The same rights share the kept read: the same answer, so the same tag.
        probe(yiwuToo, "rights").then().statusCode(200).body("read", equalTo(asYiwu.jsonPath().getInt("read")))
                .header("ETag", asYiwu.header("ETag"));
        // Another's tag is not a match: each caller revalidates against its own answer.
        probe(admin, "rights", asYiwu.header("ETag")).then().statusCode(200).header("ETag", asAdmin.header("ETag"));
        probe(yiwu, "rights", asYiwu.header("ETag")).then().statusCode(304);
    }

    @Test
    void aReadAnAdminKeptIsRefusedToOthersWithOrWithoutItsTag() {
        Response kept = probe(Api.token("admin", Api.ADMIN_PASSWORD), "admin-only");
        kept.then().statusCode(200).body("secret", equalTo("for admins"));
        String editor = Api.token(Fixtures.user("county-editor", Fixtures.YIWU), Fixtures.PASSWORD);
        probe(editor, "admin-only").then().statusCode(403).contentType("application/problem+json");
        probe(editor, "admin-only", kept.header("ETag")).then().statusCode(403);
        RestAssured.given().header("If-None-Match", kept.header("ETag")).get("/api/v1/test-only/admin-only").then()
                .statusCode(401);
    }

    private static Response probe(String token, String read) {
        return RestAssured.given().auth().oauth2(token).accept("application/json").get("/api/v1/test-only/" + read);
    }

    private static Response probe(String token, String read, String ifNoneMatch) {
        return RestAssured.given().auth().oauth2(token).accept("application/json").header("If-None-Match", ifNoneMatch)
                .get("/api/v1/test-only/" + read);
    }

    @Test
    void theKeyOfAKeptReadNamesTheRightsNotTheCaller() {
        QuarkusSecurityIdentity editor = QuarkusSecurityIdentity.builder().setPrincipal(() -> "a")
                .addRole("county-editor").addAttribute(ReadCache.COUNTY, Fixtures.YIWU).build();
        QuarkusSecurityIdentity sameRights = QuarkusSecurityIdentity.builder().setPrincipal(() -> "b")
                .addRole("county-editor").addAttribute(ReadCache.COUNTY, Fixtures.YIWU).build();
        QuarkusSecurityIdentity otherCounty = QuarkusSecurityIdentity.builder().setPrincipal(() -> "a")
                .addRole("county-editor").addAttribute(ReadCache.COUNTY, Fixtures.LIANDU).build();
        QuarkusSecurityIdentity admin = QuarkusSecurityIdentity.builder().setPrincipal(() -> "a").addRole("admin")
                .build();
        QuarkusSecurityIdentity both = QuarkusSecurityIdentity.builder().setPrincipal(() -> "a")
                .addRoles(Set.of("admin", "county-editor")).addAttribute(ReadCache.COUNTY, Fixtures.YIWU).build();
        assertEquals(ReadCache.rights(editor), ReadCache.rights(sameRights));
        List<String> distinct = List.of(ReadCache.rights(editor), ReadCache.rights(otherCounty),
                ReadCache.rights(admin), ReadCache.rights(both));
        assertEquals(distinct.size(), Set.copyOf(distinct).size(), distinct.toString());
    }

    @Test
    void ifNoneMatchIsComparedAsTheStandardSays() {
        Versions.Tagged tagged = Versions.tagged("{}".getBytes());
        String tag = tagged.header();
        assertTrue(HttpCaching.noneMatch(List.of(tag), tagged));
        assertTrue(HttpCaching.noneMatch(List.of("W/" + tag), tagged));
        assertTrue(HttpCaching.noneMatch(List.of("\"a\" , " + tag), tagged));
        assertTrue(HttpCaching.noneMatch(List.of("\"a\"", " *"), tagged));
        assertFalse(HttpCaching.noneMatch(List.of(tag.replace("\"", "")), tagged));
        assertFalse(HttpCaching.noneMatch(List.of("\"" + tag + "\""), tagged));
        assertFalse(HttpCaching.noneMatch(List.of(""), tagged));
        assertFalse(HttpCaching.noneMatch(null, tagged));
    }

    @Test
    void aDisabledUserIsRefusedOnTheVeryNextRequestThoughTheReadIsKept() {
        String username = Fixtures.user("viewer", null);
        String token = Api.token(username, Fixtures.PASSWORD);
        Response first = pairings(anonymous().auth().oauth2(token));
        first.then().statusCode(200);
        pairings(anonymous().auth().oauth2(token).header("If-None-Match", first.header("ETag"))).then().statusCode(304);
        long id = api().get("/api/v1/users?size=500").then().extract().jsonPath()
                .getLong("items.find { it.username == '" + username + "' }.id");
        api().body(Map.of("username", username, "roles", Set.of("viewer"), "enabled", false))
                .put("/api/v1/users/{id}", id).then().statusCode(200);
        pairings(anonymous().auth().oauth2(token).header("If-None-Match", first.header("ETag"))).then()
                .statusCode(401).contentType("application/problem+json");
        pairings(anonymous().auth().oauth2(token)).then().statusCode(401);
    }

    @Test
    void aDemotedAdminIsRefusedAnAdminReadOnTheVeryNextRequest() {
        String username = Fixtures.user("admin", null);
        String token = Api.token(username, Fixtures.PASSWORD);
        Response kept = probe(token, "admin-only");
        kept.then().statusCode(200);
        probe(token, "admin-only", kept.header("ETag")).then().statusCode(304);
        Response user = api().get("/api/v1/users?size=500");
        long id = user.jsonPath().getLong("items.find { it.username == '" + username + "' }.id");
        api().body(Map.of("username", username, "roles", Set.of("viewer"))).put("/api/v1/users/{id}", id).then()
                .statusCode(200);
        probe(token, "admin-only", kept.header("ETag")).then().statusCode(403);
        probe(token, "admin-only").then().statusCode(403);
    }

    @Test
    void anExpiredTokenIsRefusedThoughItsReadIsKept() throws InterruptedException {
        String username = Fixtures.user("viewer", null);
        long expiresAt = Instant.now().getEpochSecond() + 2;
        String shortLived = Jwt.issuer("tandem").upn(username).groups(Set.of("viewer")).expiresAt(expiresAt).jws()
                .keyId(keys.kid()).sign(keys.privateKey());
        Response first = pairings(anonymous().auth().oauth2(shortLived));
        first.then().statusCode(200);
        while (Instant.now().getEpochSecond() <= expiresAt) {
            Thread.sleep(100);
        }
        pairings(anonymous().auth().oauth2(shortLived).header("If-None-Match", first.header("ETag"))).then()
                .statusCode(401);
    }

    private static final int READERS = 12;

    /**
     * A request that passed the token check just before a disable committed must not leave anything behind that
     * answers the disabled token afterwards (the user's lookup is kept like a read, until data changes). Readers
     * hammer reads with one token, each read a new one (its own page), so that every read goes the usual way and
     * some overlap the disable; then every request issued after the disable was answered is refused, the same
     * reads again (and their revalidations) included.
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
                            int status = read(token, read, null);
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
                        // Answered while the disable was under way: the same read again, now, and revalidated.
                        afterwards.add(read(token, (int) answer[0], null));
                        afterwards.add(read(token, (int) answer[0], "*"));
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
    private int read(String token, int n, String ifNoneMatch) {
        RequestSpecification request = RestAssured.given().auth().oauth2(token).accept("application/json");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.queryParam("program", program).queryParam("size", 1 + n % 500).queryParam("page", n / 500)
                .get("/api/v1/pairings").statusCode();
    }
}
