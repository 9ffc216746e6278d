package org.tandem.cache;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.tandem.registry.Pairing;
import org.tandem.support.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Reads are kept until data changes, and no longer: after a write, every read shows it. */
@QuarkusTest
class ReadCacheTest {

    @Inject
    SessionFactory sessionFactory;
    @Inject
    DataVersion dataVersion;

    private long statementsOf(Runnable request) {
        sessionFactory.getStatistics().clear();
        request.run();
        return sessionFactory.getStatistics().getPrepareStatementCount();
    }

    private void pairingsOf(String program, List<Integer> ids) {
        api().queryParam("program", program).get("/api/v1/pairings").then().statusCode(200)
                .body("items.id", ids.isEmpty() ? empty() : contains(ids.toArray()));
    }

    @Test
    void aRepeatedReadIsServedWithoutTheDatabase() throws InterruptedException {
        // On PostgreSQL, reads are kept only once other instances' changes are heard (LISTEN is up).
        for (int i = 0; i < 100 && dataVersion.current() == DataVersion.UNKNOWN; i++) {
            Thread.sleep(50);
        }
        String program = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        pairingsOf(program, List.of());
        assertEquals(0, statementsOf(() -> pairingsOf(program, List.of())));
    }

    @Test
    void aKeptReadIsSentAsItWasFirstWritten() {
        String program = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        Fixtures.pairing(program, Fixtures.YIWU, Fixtures.LIANDU);
        String fresh = pairingsJson(program);
        String kept = pairingsJson(program);
        dataVersion.changed();
        assertEquals(fresh, kept);
        assertEquals(fresh, pairingsJson(program), "as read again from the database");
        assertTrue(fresh.contains("义乌"), fresh);
    }

    private String pairingsJson(String program) {
        return api().queryParam("program", program).get("/api/v1/pairings").then().statusCode(200)
                .contentType("application/json").extract().asString();
    }

    @Test
    void aWriteThroughTheApiIsSeenByTheNextRead() {
        String program = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        pairingsOf(program, List.of());
        long id = Fixtures.pairing(program, Fixtures.YIWU, Fixtures.LIANDU);
        pairingsOf(program, List.of((int) id));
        String etag = api().get("/api/v1/pairings/{id}", id).then().statusCode(200).extract().header("ETag");
        api().body(Map.of("sourceNote", "新的来源")).header("If-Match", etag).patch("/api/v1/pairings/{id}", id).then()
                .statusCode(200);
        api().queryParam("program", program).get("/api/v1/pairings").then().body("items[0].sourceNote", equalTo("新的来源"));
    }

    @Test
    void aChangeMadeOutsideAnyRequestIsSeenToo() {
        long id = Fixtures.yiwuLiandu();
        String program = api().get("/api/v1/pairings/{id}", id).then().extract().path("program");
        pairingsOf(program, List.of((int) id));
        long before = dataVersion.current();
        // A change committed by code of the service itself (as a background job's would be), not by a request.
        QuarkusTransaction.requiringNew().run(() -> Pairing.<Pairing> findById(id).delete());
        assertTrue(dataVersion.current() > before, "the commit moved the version");
        pairingsOf(program, List.of());
    }

    @Test
    void aRolledBackChangeLeavesKeptReadsAlone() {
        long id = Fixtures.yiwuLiandu();
        long before = dataVersion.current();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Pairing.<Pairing> findById(id).delete();
            Pairing.flush();
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(before, dataVersion.current());
        api().get("/api/v1/pairings/{id}", id).then().statusCode(200);
    }
}
