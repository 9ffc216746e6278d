package org.tandem.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.anonymous;
import static org.tandem.support.Api.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Logins under attack: lockout, enumeration, parallel guesses and storms. */
@QuarkusTest
class LoginTest {

    /** tandem.auth.max-failed-logins, as application.properties leaves it. */
    private static final int MAX_FAILED = 5;

    private static Response login(String username, String password) {
        return anonymous().body(Map.of("username", username, "password", password)).post("/api/v1/auth/token");
    }

    private static List<Map<String, Object>> events(String actor, String action) {
        return api().queryParam("actor", actor).queryParam("size", 500).get("/api/v1/audit-events").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>> getList("items").stream()
                .filter(e -> action.equals(e.get("action"))).toList();
    }

    @Test
    void theAccountLocksAtExactlyTheConfiguredNumberOfFailures() {
        String username = Fixtures.user("viewer", null);
        for (int i = 0; i < MAX_FAILED - 1; i++) {
            login(username, "wrong-" + i).then().statusCode(401);
        }
        // One short of the limit: the right password still works and starts the count again.
        login(username, Fixtures.PASSWORD).then().statusCode(200);
        for (int i = 0; i < MAX_FAILED; i++) {
            login(username, "wrong-" + i).then().statusCode(401);
        }
        login(username, Fixtures.PASSWORD).then().statusCode(401);
        assertEquals(1, events("system", "ACCOUNT_LOCKED").stream()
                .filter(e -> e.get("after") != null && e.get("after").toString().contains(username)).count());
    }

    @Test
    void parallelWrongPasswordsLockTheAccountAndEveryOneIsAnswered401AndAudited() throws Exception {
        String username = Fixtures.user("viewer", null);
        int guesses = 24;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = "guess-" + i;
                calls.add(() -> login(username, guess).then().contentType("application/problem+json").extract()
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(List.of(401), statuses.stream().distinct().toList(), "statuses: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        login(username, Fixtures.PASSWORD).then().statusCode(401);
        assertEquals(guesses + 1, events(username, "LOGIN_FAILED").size(), "each guess, and the locked login");
        assertEquals(1, events("system", "ACCOUNT_LOCKED").stream()
                .filter(e -> e.get("after") != null && e.get("after").toString().contains(username)).count());
    }

    @Test
    void unknownAndKnownUsersGetIdenticalAnswers() {
        String known = Fixtures.user("viewer", null);
        String unknown = Fixtures.uniqueCode("nobody").toLowerCase();
        Response a = login(known, "wrong-password");
        Response b = login(unknown, "wrong-password");
        assertEquals(401, a.statusCode());
        assertEquals(a.statusCode(), b.statusCode());
        assertEquals(a.contentType(), b.contentType());
        assertEquals(a.header("WWW-Authenticate"), b.header("WWW-Authenticate"));
        assertEquals(a.body().asString(), b.body().asString());
        // A locked account answers the same as well.
        for (int i = 0; i < MAX_FAILED; i++) {
            login(known, "wrong-" + i);
        }
        assertEquals(a.body().asString(), login(known, Fixtures.PASSWORD).then().statusCode(401).extract().asString());
        assertTrue(events(unknown, "LOGIN_FAILED").size() == 1);
    }

    @Test
    void aLoginStormLeavesOtherUsersServedAndLocksTheAccount() throws Exception {
        String victim = Fixtures.user("viewer", null);
        String other = Fixtures.user("viewer", null);
        Api.as(other, Fixtures.PASSWORD).get("/api/v1/tracks").then().statusCode(200);
        api().get("/api/v1/users?size=1").then().statusCode(200);
        int attackers = 32;
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        ConcurrentMap<String, AtomicInteger> storm = new ConcurrentHashMap<>();
        ConcurrentMap<String, AtomicInteger> others = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(attackers + 2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < attackers; i++) {
                int attacker = i;
                running.add(pool.submit(() -> {
                    for (int n = 0; Instant.now().isBefore(end); n++) {
                        // Half guess at the victim, half at names that do not exist.
                        boolean atVictim = attacker % 2 == 0;
                        String username = atVictim ? victim : "bogus-" + attacker + "-" + n;
                        Response r = login(username, "guess-" + attacker + "-" + n);
                        storm.computeIfAbsent((atVictim ? "victim " : "bogus ") + r.statusCode(),
                                s -> new AtomicInteger()).incrementAndGet();
                        if (r.statusCode() == 429) {
                            assertTrue(Integer.parseInt(r.header("Retry-After")) >= 1);
                        }
                    }
                    return null;
                }));
            }
            // Meanwhile a viewer reads, and an admin reads what is never kept in a cache.
            running.add(pool.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    int status = Api.as(other, Fixtures.PASSWORD).get("/api/v1/tracks").statusCode();
                    others.computeIfAbsent("viewer " + status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
            running.add(pool.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    int status = api().get("/api/v1/users?size=5").statusCode();
                    others.computeIfAbsent("admin " + status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(java.util.Set.of("viewer 200", "admin 200"), others.keySet(), "other users' answers: " + others);
        assertTrue(storm.keySet().stream().allMatch(s -> s.endsWith(" 401") || s.endsWith(" 429")),
                "storm answers: " + storm);
        // The right password does not open the locked account. On a fast machine the storm may also have used up
        // the username's attempts of the minute (tandem.auth.login-limit.per-user): then it is 429, never checked.
        int last = login(victim, Fixtures.PASSWORD).then().extract().statusCode();
        assertTrue(last == 401 || last == 429, "the victim's own login after the storm: " + last);
        assertEquals(1, events("system", "ACCOUNT_LOCKED").stream()
                .filter(e -> e.get("after") != null && e.get("after").toString().contains(victim)).count());
        assertEquals(storm.get("victim 401").get() + (last == 401 ? 1 : 0), events(victim, "LOGIN_FAILED").size(),
                "every failed login of the victim is audited (and the last one above, when it was checked)");
    }
}
