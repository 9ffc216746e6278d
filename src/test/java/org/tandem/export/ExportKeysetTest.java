package org.tandem.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.YIWU;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;
import org.tandem.support.Spreadsheets;
import org.tandem.support.Statements;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * Exports read in batches of two: in id order each batch continues after the previous one's last id, in any other
 * order by offset; either way every row comes once, in the JSON list's order, and no batch counts the list.
 */
@QuarkusTest
@TestProfile(ExportBatchesTest.SmallBatches.class)
class ExportKeysetTest {

    @Test
    void projectsEveryRowOnceInOrderByIdAndOtherwise() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        List<String> ids = projects(pairing, 5);
        List<String> descending = new ArrayList<>(ids);
        Collections.reverse(descending);

        // Across pairings, plain and by year (from project_year); and a pairing's own list.
        for (String year : new String[] { null, "2023" }) {
            assertEquals(ids, exported(projects(program, year, null)));
            assertEquals(ids, exported(projects(program, year, "id")));
            assertEquals(descending, exported(projects(program, year, "-id")));
            // Another order is read by offset, and is still the JSON list's.
            assertEquals(listed(projects(program, year, "title")), exported(projects(program, year, "title")));
            assertEquals(descending, listed(projects(program, year, "title")));
        }
        assertEquals(ids, exported(api().queryParam("sort", "id"), "/api/v1/pairings/" + pairing + "/projects"));
        assertEquals(descending, exported(api().queryParam("sort", "-id"), "/api/v1/pairings/" + pairing + "/projects"));
        // A year no step fell in exports the header alone.
        assertEquals(List.of(), exported(projects(program, "2031", null)));
    }

    @Test
    void auditTrailEveryRowOnceInOrderNewestFirstAndById() {
        String from = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString();
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        projects(Fixtures.pairing(program, YIWU, LIANDU), 5);
        List<String> newestFirst = listed(audit(from, null), "/api/v1/audit-events");
        assertTrue(newestFirst.size() >= 5 && newestFirst.size() < 500, newestFirst.toString());
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        assertEquals(newestFirst, exported(audit(from, null), "/api/v1/audit-events"));
        assertEquals(newestFirst, exported(audit(from, "-id"), "/api/v1/audit-events"));
        assertEquals(oldestFirst, exported(audit(from, "id"), "/api/v1/audit-events"));
    }

    @Test
    void batchesCostTheSameStatementsHoweverFarIntoTheList() {
        String few = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        projects(Fixtures.pairing(few, YIWU, LIANDU), 4);
        String many = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        projects(Fixtures.pairing(many, YIWU, LIANDU), 8);
        for (String year : new String[] { null, "2023" }) {
            for (String sort : new String[] { null, "-id", "title" }) {
                // Four rows are batches of 2, 2 and 0 rows; eight are 2, 2, 2, 2 and 0: two batches more, each the
                // programme's id, its ids and its rows' columns, and no count.
                int perBatch = 3;
                long fewStatements = Statements.of(() -> exported(projects(few, year, sort)));
                long manyStatements = Statements.of(() -> exported(projects(many, year, sort)));
                assertEquals(2 * perBatch, manyStatements - fewStatements, "year " + year + ", sort " + sort + ": "
                        + fewStatements + " statements for 4 rows, " + manyStatements + " for 8");
            }
        }
        String from = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString();
        long fewEvents = Statements.of(() -> exported(audit(from, null).queryParam("entityId", "0"),
                "/api/v1/audit-events"));
        long someEvents = Statements.of(() -> exported(audit(from, null), "/api/v1/audit-events"));
        int events = listed(audit(from, null), "/api/v1/audit-events").size();
        // One statement a batch: the first batch of no rows, against events / 2 + 1 batches.
        assertEquals(events / 2, someEvents - fewEvents,
                events + " events: " + fewEvents + " statements for none, " + someEvents + " for all");
    }

    /** Creates {@code count} projects of the pairing planned in 2023; their ids in creation (id) order. */
    private static List<String> projects(long pairing, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            // Titles in the opposite order of the ids.
            ids.add(api().body(Map.of("track", "PROJECT_COOP", "title", "项目" + (char) ('Z' - i), "hostCounty", LIANDU,
                    "plannedOn", "2023-0" + i + "-01")).post("/api/v1/pairings/{id}/projects", pairing).then()
                    .statusCode(201).extract().path("id").toString());
        }
        return ids;
    }

    private static RequestSpecification projects(String program, String year, String sort) {
        RequestSpecification request = api().queryParam("program", program);
        if (year != null) {
            request.queryParam("year", year);
        }
        if (sort != null) {
            request.queryParam("sort", sort);
        }
        return request;
    }

    private static RequestSpecification audit(String from, String sort) {
        RequestSpecification request = api().queryParam("entityType", "CooperationProject").queryParam("from", from);
        if (sort != null) {
            request.queryParam("sort", sort);
        }
        return request;
    }

    private static List<String> exported(RequestSpecification request) {
        return exported(request, "/api/v1/projects");
    }

    /** The first column (the id) of the export's rows, the header left out. */
    private static List<String> exported(RequestSpecification request, String path) {
        List<List<String>> rows = Spreadsheets.csv(request.queryParam("format", "csv").get(path).then().statusCode(200)
                .extract().asByteArray());
        assertEquals(1, rows.stream().limit(1).count(), "the header");
        return rows.stream().skip(1).map(r -> r.get(0)).toList();
    }

    private static List<String> listed(RequestSpecification request) {
        return listed(request, "/api/v1/projects");
    }

    /** The ids of the JSON list's first page of 500. */
    private static List<String> listed(RequestSpecification request, String path) {
        return request.queryParam("size", 500).get(path).then().statusCode(200).extract().jsonPath()
                .getList("items.id", Object.class).stream().map(Object::toString).toList();
    }
}
