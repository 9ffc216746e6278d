package org.tandem.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.YIWU;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;
import org.tandem.support.Spreadsheets;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** An export read in many batches (of two rows here) carries every row once, in the list's order. */
@QuarkusTest
@TestProfile(ExportBatchesTest.SmallBatches.class)
class ExportBatchesTest {

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tandem.export.batch-size", "2");
        }
    }

    @Test
    void everyRowOnceInOrderAcrossBatches() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        List<String> titles = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String title = "项目" + i;
            titles.add(title);
            api().body(Map.of("track", "PROJECT_COOP", "title", title, "hostCounty", LIANDU, "plannedOn",
                    "2023-0" + i + "-01")).post("/api/v1/pairings/{id}/projects", pairing).then().statusCode(201);
        }
        // Six rows: three full batches and an empty one; and in the opposite order, by the list's sort.
        List<List<String>> csv = Spreadsheets.csv(api().queryParam("format", "csv").queryParam("program", program)
                .queryParam("sort", "plannedOn").get("/api/v1/projects").then().statusCode(200).extract()
                .asByteArray());
        assertEquals(titles, csv.stream().skip(1).map(r -> r.get(4)).toList());
        List<Row> xlsx = Spreadsheets.xlsx(api().queryParam("format", "xlsx").queryParam("program", program)
                .queryParam("sort", "-plannedOn").get("/api/v1/projects").then().statusCode(200).extract()
                .asByteArray());
        List<String> reversed = new ArrayList<>(titles);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, xlsx.stream().skip(1).map(r -> r.getCell(4).asString()).toList());
        // Five rows end with a batch that is not full.
        api().delete("/api/v1/projects/{id}", csv.get(1).get(0)).then().statusCode(204);
        assertEquals(6, Spreadsheets.csv(api().accept("text/csv").queryParam("program", program)
                .get("/api/v1/projects").then().statusCode(200).extract().asByteArray()).size());
    }
}
