package org.tandem.reliability;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * When every connection of the pool is in use for longer than a request may wait for one (requests waiting for
 * locks, slow ones), a write is answered 503 busy with Retry-After and nothing of it is kept: never a 500.
 */
@QuarkusTest
class PoolExhaustionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aWriteThatGetsNoConnectionInTimeIsAnsweredBusyAndChangesNothing() throws Exception {
        long pairing = Fixtures.pairing(Fixtures.program(List.of(NANHU), List.of(SUICHANG)), NANHU, SUICHANG);
        int size = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> held = new ArrayList<>();
        Response answer;
        try {
            while (held.size() < size) {
                try {
                    held.add(dataSource.getConnection());
                } catch (SQLException full) {
                    // The rest are held for good (on PostgreSQL, the connection listening for other instances).
                    break;
                }
            }
            answer = api().body(Map.of("track", "DIGITAL_ASSIST", "kind", "ENTERPRISE_DIAGNOSIS", "heldOn",
                    "2024-04-01", "title", "遂昌企业精益管理诊断", "enterprises", 40))
                    .post("/api/v1/pairings/{id}/activities", pairing);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        answer.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("type", endsWith("/busy")).body("detail", containsString("no database connection"));
        api().get("/api/v1/pairings/{id}/activities", pairing).then().statusCode(200).body("totalItems", equalTo(0));
    }
}
