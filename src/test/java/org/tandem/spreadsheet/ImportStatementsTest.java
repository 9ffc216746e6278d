package org.tandem.spreadsheet;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;
import org.tandem.support.Statements;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * An import's SQL statements do not grow with the number of pairings its rows write into: the pairings are read,
 * held and counted again as sets, not one by one, and a flush writes each table's new rows as one batch.
 */
@QuarkusTest
class ImportStatementsTest {

    private static final List<String> INDUSTRIAL = List.of("330102", "330105", "330106", "330108", "330109",
            "330110", "330111", "330112", "330113", "330114", "330122", "330182", "330203", "330205");
    private static final List<String> MOUNTAIN = List.of("330127", "330328", "330329", "330723", "330727", "330803",
            "330822", "330824", "330825", "331022", "331023", "331024", "331121", "331122");

    @Test
    void anImportOfActivitiesCostsNoMoreStatementsForFourteenPairingsThanForTwo() {
        List<Long> pairings = fourteenPairings();
        // Fourteen rows each time: seven into each of two pairings, then one into each of fourteen.
        long two = statements(pairings.subList(0, 2), 7, "二");
        long fourteen = statements(pairings, 1, "十四");
        // Ids come from sequences a block of 50 at a time (here the activities' and the imports'; the audit
        // trail's is drawn inside its insert): either import may be the one that fetches a block of each.
        assertTrue(Math.abs(fourteen - two) <= 2, "statements of an import into two pairings (" + two
                + "), then into fourteen (" + fourteen + ")");
    }

    @Test
    void anImportOfTargetsCostsNoMoreStatementsForFourteenPairingsThanForTwo() {
        List<Long> pairings = fourteenPairings();
        // The lean indicator's target: for two pairings in each of 2023-2025, then for fourteen in 2024.
        long two = values(pairings.subList(0, 2), List.of(2023, 2024, 2025), "5");
        long fourteen = values(pairings, List.of(2024), "6");
        // Blocks of ids: the imports', the pair-years', the values' and their history's sequences.
        assertTrue(Math.abs(fourteen - two) <= 4, "statements of an import of targets into two pairings (" + two
                + "), then into fourteen (" + fourteen + ")");
    }

    @Test
    void anImportOfPairingsCostsNoMoreStatementsForFourteenThanForTwo() {
        // Each into a programme created just before it, with no counties designated: the import designates them as
        // it pairs them.
        String first = Fixtures.program(List.of(), List.of());
        long two = Statements.kept(() -> pairings(first, 2, false).then().statusCode(201)
                .body("totals.created", equalTo(2)));
        String second = Fixtures.program(List.of(), List.of());
        long fourteen = Statements.kept(() -> pairings(second, 14, false).then().statusCode(201)
                .body("totals.created", equalTo(14)));
        // Blocks of ids: the pairings' and the imports' sequences.
        assertTrue(Math.abs(fourteen - two) <= 2, "statements of an import of two pairings (" + two
                + "), then of fourteen (" + fourteen + ")");
        api().queryParam("program", second).queryParam("size", 1).get("/api/v1/pairings").then()
                .body("totalItems", equalTo(14));
    }

    @Test
    void aDryRunOfPairingsDecidesWithoutWriting() {
        String program = Fixtures.program(List.of(), List.of());
        api(); // signed in before counting
        Statistics statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        statistics.clear();
        pairings(program, 14, true).then().statusCode(200).body("totals.created", equalTo(14))
                .body("totals.errors", equalTo(0));
        assertEquals(List.of(0L, 0L, 0L, 0L), List.of(statistics.getEntityInsertCount(),
                statistics.getEntityUpdateCount(), statistics.getCollectionUpdateCount(),
                statistics.getCollectionRecreateCount()), "inserts, updates, collection updates and recreations");
        api().get("/api/v1/programs/{code}/counties", program).then().body("industrial", hasSize(0))
                .body("mountain", hasSize(0));
        api().queryParam("program", program).queryParam("size", 1).get("/api/v1/pairings").then()
                .body("totalItems", equalTo(0));
    }

    /** An import of {@code count} new pairings of {@code program}, the i-th industrial county with the i-th mountain. */
    private static Response pairings(String program, int count, boolean dryRun) {
        StringBuilder csv = new StringBuilder("key,program,industrialCounty,mountainCounty,formedOn,status,evidence,"
                + "sourceNote\n");
        for (int i = 0; i < count; i++) {
            csv.append(',').append(program).append(',').append(INDUSTRIAL.get(i)).append(',')
                    .append(MOUNTAIN.get(i)).append(",2023-06-01,ACTIVE,EXPLICIT,结对").append(i).append('\n');
        }
        return api().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "pairings").queryParam("dryRun", dryRun).post("/api/v1/imports");
    }

    /** A new programme's fourteen pairings. */
    private static List<Long> fourteenPairings() {
        String program = Fixtures.program(INDUSTRIAL, MOUNTAIN);
        List<Long> pairings = new ArrayList<>();
        for (int i = 0; i < INDUSTRIAL.size(); i++) {
            pairings.add(Fixtures.pairing(program, INDUSTRIAL.get(i), MOUNTAIN.get(i)));
        }
        return pairings;
    }

    /** The statements of importing {@code value} as the lean indicator's target of each pairing in each year. */
    private static long values(List<Long> pairings, List<Integer> years, String value) {
        StringBuilder csv = new StringBuilder("pairing,year,indicator,value\n");
        for (long pairing : pairings) {
            for (int year : years) {
                csv.append(pairing).append(',').append(year).append(',').append(ImportTemplateRoundTripTest.LEAN)
                        .append(',').append(value).append('\n');
            }
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        return Statements.kept(() -> api().contentType("text/csv").body(body).queryParam("kind", "targets")
                .post("/api/v1/imports").then().statusCode(201));
    }

    /** The statements of importing {@code each} new activities into each of {@code pairings}. */
    private static long statements(List<Long> pairings, int each, String tag) {
        StringBuilder csv = new StringBuilder(
                "key,pairing,track,kind,heldOn,title,participants,enterprises,amount,description\n");
        for (long pairing : pairings) {
            for (int i = 1; i <= each; i++) {
                csv.append(',').append(pairing).append(",CHAIN_COLLAB,TRAINING,2024-0").append(i)
                        .append("-15,培训").append(tag).append(i).append(",12,3,80.50,\n");
            }
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        return Statements.kept(() -> api().contentType("text/csv").body(body).queryParam("kind", "activities")
                .post("/api/v1/imports").then().statusCode(201));
    }
}
