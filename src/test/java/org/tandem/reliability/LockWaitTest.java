package org.tandem.reliability;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;
import org.tandem.support.RowLocks;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A write that needs a pairing's row while another transaction holds it (as an import does to its end) waits for
 * it; when it cannot have it within the lock timeout (3 s in tests), it is answered 503 busy with Retry-After, and
 * nothing of it is kept: never a 500.
 */
@QuarkusTest
class LockWaitTest {

    private static final ExecutorService POOL = Executors.newSingleThreadExecutor();

    @Inject
    AgroalDataSource dataSource;

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void aWriteWaitsForAPairingAnotherTransactionHoldsAndLandsOnceItIsFree() throws Exception {
        long pairing = Fixtures.pairing(Fixtures.program(List.of(NANHU), List.of(SUICHANG)), NANHU, SUICHANG);
        Future<Response> write;
        try (Connection holder = RowLocks.holdPairing(dataSource, pairing)) {
            write = POOL.submit(() -> api().body(activity()).post("/api/v1/pairings/{id}/activities", pairing));
            Thread.sleep(500);
            assertFalse(write.isDone(), "the write did not wait for the pairing another transaction held");
            holder.rollback();
        }
        write.get(30, TimeUnit.SECONDS).then().statusCode(201);
        api().get("/api/v1/pairings/{id}/activities", pairing).then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void aWriteThatCannotHaveTheHeldPairingInTimeIsAnsweredBusyAndChangesNothing() throws Exception {
        long pairing = Fixtures.pairing(Fixtures.program(List.of(NANHU), List.of(SUICHANG)), NANHU, SUICHANG);
        Response answer;
        try (Connection holder = RowLocks.holdPairing(dataSource, pairing)) {
            answer = api().body(activity()).post("/api/v1/pairings/{id}/activities", pairing);
            holder.rollback();
        }
        answer.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("type", endsWith("/busy"));
        api().get("/api/v1/pairings/{id}/activities", pairing).then().statusCode(200).body("totalItems", equalTo(0));
    }

    /**
     * A dry run only decides: it holds no pairing's row, so it answers at once while a writer holds one of its
     * pairings, where the import itself waits for it.
     */
    @Test
    void aDryRunOfRecordsAnswersWhileAWriterHoldsItsPairing() throws Exception {
        long pairing = Fixtures.pairing(Fixtures.program(List.of(NANHU), List.of(SUICHANG)), NANHU, SUICHANG);
        byte[] csv = ("key,pairing,track,kind,heldOn,title,participants,enterprises,amount,description\n,"
                + pairing + ",DIGITAL_ASSIST,ENTERPRISE_DIAGNOSIS,2024-04-01,遂昌企业诊断,,40,,\n")
                .getBytes(StandardCharsets.UTF_8);
        Future<Response> imported;
        try (Connection holder = RowLocks.holdPairing(dataSource, pairing)) {
            api().contentType("text/csv").body(csv).queryParam("kind", "activities").queryParam("dryRun", true)
                    .post("/api/v1/imports").then().statusCode(200).body("totals.created", equalTo(1));
            imported = POOL.submit(() -> api().contentType("text/csv").body(csv).queryParam("kind", "activities")
                    .post("/api/v1/imports"));
            Thread.sleep(500);
            assertFalse(imported.isDone(), "the import did not wait for the pairing another transaction held");
            holder.rollback();
        }
        imported.get(30, TimeUnit.SECONDS).then().statusCode(201).body("totals.created", equalTo(1));
    }

    private static Map<String, Object> activity() {
        return Map.of("track", "DIGITAL_ASSIST", "kind", "ENTERPRISE_DIAGNOSIS", "heldOn", "2024-04-01", "title",
                "遂昌企业精益管理诊断", "enterprises", 40);
    }
}
