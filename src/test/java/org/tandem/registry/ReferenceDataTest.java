package org.tandem.registry;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.support.Api.api;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The shipped reference data equals the CSV copies of shared/data it was generated from. */
@QuarkusTest
class ReferenceDataTest {

    private static final Path DATA = Path.of("src/main/resources/reference-data");

    @Test
    void countiesMatchTheCsv() throws IOException {
        List<Map<String, String>> csv = read("zhejiang_counties.csv");
        Set<String> mountain = codes(read("mountain_counties.csv"), "code");
        Set<String> industrial = codes(read("pairings_2023.csv"), "industrial_code");
        JsonPath body = api().queryParam("size", 500).get("/api/v1/counties").then().statusCode(200)
                .body("totalItems", equalTo(90)).extract().jsonPath();
        List<Map<String, String>> expected = new ArrayList<>();
        for (Map<String, String> row : csv) {
            String category = mountain.contains(row.get("code")) ? "MOUNTAIN"
                    : industrial.contains(row.get("code")) ? "INDUSTRIAL" : "OTHER";
            expected.add(Map.of("code", row.get("code"), "name", row.get("name"), "cityCode", row.get("city_code"),
                    "cityName", row.get("city_name"), "category", category));
        }
        assertEquals(expected, body.getList("items"));
        assertEquals(26, mountain.size());
    }

    @Test
    void tracksMatchTheCsvInTheSeedsOrder() throws IOException {
        List<Map<String, String>> csv = read("tracks.csv");
        JsonPath body = api().get("/api/v1/tracks").then().statusCode(200).body("totalItems", equalTo(6))
                .extract().jsonPath();
        for (int i = 0; i < csv.size(); i++) {
            assertEquals(csv.get(i).get("code"), body.getString("items[" + i + "].code"));
            assertEquals(csv.get(i).get("name_zh"), body.getString("items[" + i + "].nameZh"));
            assertEquals(csv.get(i).get("name_en"), body.getString("items[" + i + "].nameEn"));
            assertEquals(i + 1, body.getInt("items[" + i + "].position"));
        }
        api().get("/api/v1/tracks/{code}", "DIGITAL_ASSIST").then().statusCode(200)
                .body("nameZh", equalTo("数字化改造帮扶机制"));
    }

    @Test
    void theEightKnownPairingsShipWithTheirEvidence() throws IOException {
        List<Map<String, String>> csv = read("pairings_2023.csv");
        JsonPath body = api().queryParam("program", "ZJ-MFG-2023").queryParam("size", 500)
                .get("/api/v1/pairings").then().statusCode(200).body("totalItems", equalTo(8)).extract().jsonPath();
        List<Map<String, Object>> items = body.getList("items");
        for (Map<String, String> row : csv) {
            Map<String, Object> match = items.stream()
                    .filter(p -> ((Map<?, ?>) p.get("mountainCounty")).get("code").equals(row.get("mountain_code")))
                    .findFirst().orElseThrow(() -> new AssertionError("missing pairing " + row));
            assertEquals(Map.of("code", row.get("industrial_code"), "name", row.get("industrial_name")),
                    match.get("industrialCounty"));
            assertEquals(row.get("mountain_name"), ((Map<?, ?>) match.get("mountainCounty")).get("name"));
            assertEquals(row.get("evidence").toUpperCase(), match.get("evidence"));
            assertEquals(row.get("source_note"), match.get("sourceNote"));
        }
    }

    @Test
    void theProgramDesignatesTheMountainCountiesAndTheKnownIndustrialOnes() throws IOException {
        api().get("/api/v1/programs/{code}", "ZJ-MFG-2023").then().statusCode(200)
                .body("startYear", equalTo(2023)).body("endYear", equalTo(2025))
                .body("annualBudget", comparesEqualTo(new BigDecimal("1800000000")));
        JsonPath body = api().get("/api/v1/programs/{code}/counties", "ZJ-MFG-2023").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(codes(read("mountain_counties.csv"), "code"), new HashSet<>(body.getList("mountain.code")));
        assertEquals(codes(read("pairings_2023.csv"), "industrial_code"),
                new HashSet<>(body.getList("industrial.code")));
    }

    private static Set<String> codes(List<Map<String, String>> rows, String column) {
        Set<String> codes = new HashSet<>();
        rows.forEach(r -> codes.add(r.get(column)));
        return codes;
    }

    private static List<Map<String, String>> read(String file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (Reader reader = Files.newBufferedReader(DATA.resolve(file), StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            return rows.readAll();
        }
    }
}
