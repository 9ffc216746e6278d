package org.tandem.registry;

import static org.hamcrest.Matchers.equalTo;
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
            // Fewer when the page of 500 holds the whole list: it tells the total, where the page of one counts it.
            if (large > small) {
                failures.add(path + ": " + small + " statements for 1 item, " + large + " for 500");
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * A page that is neither full nor past the end is the list's last: it tells the list's total without counting.
     * A full page, and one past the end, count.
     */
    @Test
    void theLastPageTellsTheTotalWithoutACount() {
        int total = api().queryParam("size", 1).get("/api/v1/counties").then().statusCode(200).extract()
                .path("totalItems");
        int odd = 7;
        while (total % odd == 0) {
            odd++;
        }
        int size = odd;
        int lastPage = total / size;
        long last = Statements.of(() -> api().queryParam("size", size).queryParam("page", lastPage)
                .get("/api/v1/counties").then().statusCode(200));
        long full = Statements.of(() -> api().queryParam("size", size).queryParam("page", 0)
                .get("/api/v1/counties").then().statusCode(200));
        assertEquals(full - 1, last, "the last page's statements, without the count");
        api().queryParam("size", size).queryParam("page", lastPage).get("/api/v1/counties").then().statusCode(200)
                .body("items.size()", equalTo(total % size)).body("totalItems", equalTo(total));
        api().queryParam("size", size).queryParam("page", lastPage + 3).get("/api/v1/counties").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("totalItems", equalTo(total));
        api().queryParam("size", 500).get("/api/v1/counties").then().statusCode(200)
                .body("items.size()", equalTo(total)).body("totalItems", equalTo(total));
    }
}
