package org.tandem.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;
import org.tandem.support.Statements;

import io.quarkus.test.junit.QuarkusTest;

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
