package org.tandem.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.support.Api.api;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tandem.support.Statements;

import io.quarkus.test.junit.QuarkusTest;

/** Lists cost a fixed number of SQL statements, whatever the page size (no N+1). */
@QuarkusTest
class StatementCountTest {

    long statementsFor(String path, int size) {
        return Statements.of(() -> api().queryParam("size", size).get(path).then().statusCode(200));
    }

    @Test
    void listsDoNotGrowWithThePageSize() {
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/api/v1/pairings", "/api/v1/pairings?program=ZJ-MFG-2023",
                "/api/v1/pairings?program=ZJ-MFG-2023&sort=-formedOn&status=ACTIVE", "/api/v1/counties", "/api/v1/programs")) {
            long small = statementsFor(path, 1);
            long large = statementsFor(path, 500);
            if (small != large) {
                failures.add(path + ": " + small + " statements for 1 item, " + large + " for 500");
            }
        }
        assertEquals(List.of(), failures);
    }
}
