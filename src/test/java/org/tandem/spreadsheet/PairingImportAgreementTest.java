package org.tandem.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A dry run of pairings answers what the import of the same file does: for files drawn at random (seeded) over a
 * programme's designated and undesignated counties and its existing pairings (rows that create, change, move, repeat
 * or clash), the import either does what the dry run said, row by row, or is refused with the errors the dry run
 * reported. The dry run decides in memory and the import writes, so this is where the two could drift apart.
 */
@QuarkusTest
class PairingImportAgreementTest {

    private static final long SEED = Long.getLong("tandem.pairing-import.seed", 20261206L);
    private static final int FILES = 40;

    @Test
    void aDryRunOfPairingsAnswersWhatTheImportDoes() {
        Random random = new Random(SEED);
        List<String> codes = api().get("/api/v1/counties?size=100").then().statusCode(200).extract().jsonPath()
                .getList("items.code", String.class);
        int imported = 0;
        for (int file = 0; file < FILES; file++) {
            List<String> pool = new ArrayList<>(codes);
            Collections.shuffle(pool, random);
            List<String> industrial = pool.subList(0, 5);
            List<String> mountain = pool.subList(5, 10);
            String program = Fixtures.program(industrial.subList(0, random.nextInt(4)),
                    mountain.subList(0, random.nextInt(4)));
            List<Long> existing = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Response pairing = api().body(Map.of("program", program, "industrialCounty", industrial.get(i),
                        "mountainCounty", mountain.get(i))).post("/api/v1/pairings");
                if (pairing.statusCode() == 201) {
                    existing.add(pairing.jsonPath().getLong("id"));
                }
            }
            StringBuilder csv = new StringBuilder(
                    "key,program,industrialCounty,mountainCounty,formedOn,status,evidence,sourceNote\n");
            for (int row = 1 + random.nextInt(4); row > 0; row--) {
                String key = !existing.isEmpty() && random.nextInt(10) < 4
                        ? existing.get(random.nextInt(existing.size())).toString()
                        : "";
                // Now and then a county of the other side, so that designations clash too.
                String first = random.nextInt(20) == 0 ? mountain.get(random.nextInt(5))
                        : industrial.get(random.nextInt(5));
                String second = random.nextInt(20) == 0 ? industrial.get(random.nextInt(5))
                        : mountain.get(random.nextInt(5));
                csv.append(key).append(',').append(program).append(',').append(first).append(',').append(second)
                        .append(",2023-06-01,").append(List.of("ACTIVE", "SUSPENDED", "").get(random.nextInt(3)))
                        .append(",,").append(List.of("", "见报道", "checked").get(random.nextInt(3))).append('\n');
            }
            byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
            Response dryAnswer = upload(body, true);
            assertEquals(200, dryAnswer.statusCode(), csv + dryAnswer.asString());
            JsonPath dry = dryAnswer.jsonPath();
            Response real = upload(body, false);
            String context = "file " + file + " (seed " + SEED + "):\n" + csv;
            assertEquals(errors(dry), errors(real.jsonPath()), context);
            if (errors(dry).isEmpty()) {
                assertTrue(real.statusCode() == 200 || real.statusCode() == 201, context + real.asString());
                assertEquals(dry.getList("rows.outcome"), real.jsonPath().getList("rows.outcome"), context);
                imported++;
            } else {
                assertEquals(400, real.statusCode(), context + real.asString());
            }
            // The store holds what the answer says: the pairings made before, and those the import created, if any.
            long created = real.statusCode() == 400 ? 0
                    : real.jsonPath().getList("rows.outcome", String.class).stream().filter("created"::equals).count();
            assertEquals(existing.size() + created, api().queryParam("program", program).get("/api/v1/pairings")
                    .then().statusCode(200).extract().jsonPath().getLong("totalItems"), context);
        }
        // The draw makes both kinds of file; a change of it that made only refused files would test little.
        assertTrue(imported >= FILES / 8 && imported < FILES, imported + " of " + FILES + " files were imported");
    }

    private static Response upload(byte[] body, boolean dryRun) {
        return api().contentType("text/csv").body(body).queryParam("kind", "pairings").queryParam("dryRun", dryRun)
                .post("/api/v1/imports");
    }

    /** The errors as "row code" lines, in the order the answer gives them. */
    private static List<String> errors(JsonPath answer) {
        List<Map<String, Object>> errors = answer.getList("errors");
        return errors == null ? List.of()
                : errors.stream().map(e -> e.get("row") + " " + e.get("code")).toList();
    }
}
