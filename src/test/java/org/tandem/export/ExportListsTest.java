package org.tandem.export;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.anonymous;
import static org.tandem.support.Api.api;
import static org.tandem.support.Api.as;
import static org.tandem.support.Fixtures.HANGZHOU_XIHU;
import static org.tandem.support.Fixtures.JINGNING;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.tandem.assessment.AnnualAssessmentTest;
import org.tandem.security.Roles;
import org.tandem.support.Fixtures;
import org.tandem.support.Spreadsheets;

import io.quarkus.test.junit.QuarkusTest;

/** Exports of the other lists, the ranking, park coverage and progress. */
@QuarkusTest
class ExportListsTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void countiesExportEveryRowNotOnePageWhateverPageAndSizeSay() {
        int total = api().queryParam("size", 10).get("/api/v1/counties").then().statusCode(200).extract().jsonPath()
                .getInt("totalItems");
        assertTrue(total > 50, "more counties than a default page");
        var response = api().accept("text/csv").queryParam("size", 10).queryParam("page", 3)
                .get("/api/v1/counties").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"counties_")).extract().response();
        List<List<String>> rows = Spreadsheets.csv(response.asByteArray());
        assertEquals(total + 1, rows.size(), "the header and every county");
        assertEquals(List.of("县代码", "县名", "市代码", "市", "类别"), rows.get(0));
        assertTrue(rows.stream().anyMatch(r -> r.equals(List.of(LIANDU, "莲都区", "331100", "丽水市", "MOUNTAIN")))
                || rows.stream().anyMatch(r -> r.get(0).equals(LIANDU) && r.get(1).equals("莲都区")),
                "Chinese names come back as they are");
        // Sorted as asked, by name descending, the same order as the JSON.
        List<String> json = api().queryParam("sort", "-name").queryParam("size", 500).get("/api/v1/counties").then()
                .extract().jsonPath().getList("items.code", String.class);
        List<List<String>> sorted = Spreadsheets.csv(api().queryParam("format", "csv").queryParam("sort", "-name")
                .header("Accept-Language", "en").get("/api/v1/counties").then().statusCode(200).extract()
                .asByteArray());
        assertEquals("Code", sorted.get(0).get(0));
        assertEquals(json, sorted.stream().skip(1).map(r -> r.get(0)).toList());
    }

    @Test
    void pairingsAsXlsxFilteredByProgramme() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long a = Fixtures.pairing(program, YIWU, LIANDU);
        long b = Fixtures.pairing(program, NANHU, SUICHANG);
        api().body(Map.of("formedOn", "2023-03-15")).contentType("application/merge-patch+json")
                .patch("/api/v1/pairings/{id}", a).then().statusCode(200);
        byte[] body = api().accept(XLSX).queryParam("program", program).get("/api/v1/pairings").then()
                .statusCode(200).contentType(XLSX)
                .header("Content-Disposition", startsWith("attachment; filename=\"" + program + "_pairings_"))
                .extract().asByteArray();
        List<Row> rows = Spreadsheets.xlsx(body);
        assertEquals(3, rows.size());
        assertEquals("结对编号", rows.get(0).getCell(0).asString());
        assertEquals(CellType.NUMBER, rows.get(1).getCell(0).getType());
        assertEquals(List.of(a, b), List.of(rows.get(1).getCell(0).asNumber().longValueExact(),
                rows.get(2).getCell(0).asNumber().longValueExact()));
        assertEquals("义乌市", rows.get(1).getCell(3).asString());
        assertEquals(LocalDateTime.parse("2023-03-15T00:00"), rows.get(1).getCell(6).asDate());
    }

    @Test
    void rankingAndProgressOfAProgrammeYear() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long a = Fixtures.pairing(program, YIWU, LIANDU);
        long b = Fixtures.pairing(program, NANHU, SUICHANG);
        AnnualAssessmentTest.publishedScheme(program, 2024);
        for (long pairing : List.of(a, b)) {
            values(pairing, "targets", 100, 100);
        }
        values(a, "actuals", 50, 100);
        values(b, "actuals", 100, 100);
        AnnualAssessmentTest.run(program);

        byte[] csv = api().queryParam("program", program).queryParam("year", 2024).queryParam("format", "csv")
                .get("/api/v1/assessments").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"" + program + "_2024_ranking.csv\""))
                .extract().asByteArray();
        List<List<String>> rows = Spreadsheets.csv(csv);
        assertEquals(3, rows.size());
        assertEquals("排名", rows.get(0).get(0));
        assertEquals(List.of("1", String.valueOf(b)), rows.get(1).subList(0, 2));
        assertEquals(List.of("2", String.valueOf(a)), rows.get(2).subList(0, 2));

        List<Row> xlsx = Spreadsheets.xlsx(api().accept(XLSX).header("Accept-Language", "en")
                .queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments").then()
                .statusCode(200).header("Content-Disposition", containsString(program + "_2024_ranking.xlsx"))
                .extract().asByteArray());
        assertEquals("Total", xlsx.get(0).getCell(7).asString());
        assertEquals(CellType.NUMBER, xlsx.get(1).getCell(7).getType(), "the total is a number");
        assertEquals(0, new BigDecimal("100").compareTo(xlsx.get(1).getCell(7).asNumber()));
        // Without a programme it is the JSON's 400.
        api().queryParam("year", 2024).queryParam("format", "csv").get("/api/v1/assessments").then().statusCode(400)
                .contentType("application/problem+json");

        List<List<String>> progress = Spreadsheets.csv(api().accept("text/csv")
                .get("/api/v1/pairings/{id}/years/2024/progress", a).then().statusCode(200)
                .header("Content-Disposition", containsString("pairing-" + a + "_2024_progress.csv")).extract()
                .asByteArray());
        List<String> supply = progress.stream().filter(r -> r.get(0).equals("SUPPLY_CONTRACTS_VALUE")).findFirst()
                .orElseThrow();
        assertEquals(0, new BigDecimal("100").compareTo(new BigDecimal(supply.get(7))), "target");
        assertEquals(0, new BigDecimal("50").compareTo(new BigDecimal(supply.get(8))), "actual");
        assertEquals(0, new BigDecimal("0.5").compareTo(new BigDecimal(supply.get(9))), "completion");

        List<List<String>> coverage = Spreadsheets.csv(api().queryParam("format", "csv")
                .get("/api/v1/programs/{code}/park-coverage", program).then().statusCode(200).extract()
                .asByteArray());
        assertEquals(List.of(program, "", "2", "0", "0.0000"), coverage.get(1));
    }

    private static void values(long pairing, String kind, int supply, int leads) {
        api().body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", supply),
                Map.of("indicator", "INVESTMENT_LEADS_SHARED", "value", leads))))
                .put("/api/v1/pairings/{id}/years/2024/" + kind, pairing).then().statusCode(200);
    }

    @Test
    void rolesAndScopeAreTheJsonOnes() {
        String program = Fixtures.program(List.of(YIWU, HANGZHOU_XIHU), List.of(LIANDU, JINGNING));
        long own = Fixtures.pairing(program, YIWU, LIANDU);
        long other = Fixtures.pairing(program, HANGZHOU_XIHU, JINGNING);
        String editor = Fixtures.user(Roles.COUNTY_EDITOR, LIANDU);
        // Reads are open to every signed-in role, as the JSON list is: an editor sees the programme's pairings.
        List<List<String>> pairings = Spreadsheets.csv(as(editor, Fixtures.PASSWORD).accept("text/csv")
                .queryParam("program", program).get("/api/v1/pairings").then().statusCode(200).extract()
                .asByteArray());
        assertEquals(List.of(String.valueOf(own), String.valueOf(other)),
                pairings.stream().skip(1).map(r -> r.get(0)).toList());
        // Users and the audit trail are the admin's (and the assessor's) as in JSON.
        as(editor, Fixtures.PASSWORD).accept("text/csv").get("/api/v1/users").then().statusCode(403)
                .contentType("application/problem+json");
        as(editor, Fixtures.PASSWORD).queryParam("format", "xlsx").get("/api/v1/audit-events").then()
                .statusCode(403);
        anonymous().queryParam("format", "csv").get("/api/v1/users").then().statusCode(401);

        List<List<String>> users = Spreadsheets.csv(api().accept("text/csv").get("/api/v1/users").then()
                .statusCode(200).extract().asByteArray());
        assertTrue(users.stream().anyMatch(r -> r.get(1).equals(editor) && r.get(5).equals(LIANDU)));
        List<List<String>> audit = Spreadsheets.csv(api().accept("text/csv").queryParam("entityType", "Pairing")
                .queryParam("entityId", String.valueOf(own)).get("/api/v1/audit-events").then().statusCode(200)
                .extract().asByteArray());
        assertEquals("事件编号", audit.get(0).get(0));
        assertTrue(audit.size() >= 2 && audit.stream().skip(1).allMatch(r -> r.get(4).equals("Pairing")));
    }

    @Test
    void otherListsAnswerToo() {
        for (String path : List.of("/api/v1/tracks", "/api/v1/programs", "/api/v1/indicators",
                "/api/v1/assessment-runs")) {
            List<List<String>> rows = Spreadsheets.csv(api().queryParam("format", "csv").get(path).then()
                    .statusCode(200).extract().asByteArray());
            assertTrue(rows.size() > 1, path + " has rows");
            byte[] xlsx = api().queryParam("format", "xlsx").get(path).then().statusCode(200).contentType(XLSX)
                    .extract().asByteArray();
            assertEquals(rows.size(), Spreadsheets.xlsx(xlsx).size(), path + " has the same rows in both");
        }
        long pairing = Fixtures.yiwuLiandu();
        api().body(Map.of("name", "丽水义乌山海协作产业园", "hostCounty", LIANDU, "establishedOn", "2020-05-01",
                "areaMu", new BigDecimal("1234.5"))).post("/api/v1/pairings/{id}/parks", pairing).then()
                .statusCode(201);
        List<Row> parks = Spreadsheets.xlsx(api().queryParam("format", "xlsx")
                .get("/api/v1/pairings/{id}/parks", pairing).then().statusCode(200).extract().asByteArray());
        assertEquals("丽水义乌山海协作产业园", parks.get(1).getCell(2).asString());
        assertEquals(0, new BigDecimal("1234.5").compareTo(parks.get(1).getCell(6).asNumber()));
        api().queryParam("format", "csv").get("/api/v1/pairings/{id}/activities", pairing).then().statusCode(200)
                .header("Content-Disposition", containsString("pairing-" + pairing + "_activities_"));
    }

    @Test
    void aKeptJsonReadIsNeverSentForAnExportNorTheOtherWayRound() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        Fixtures.pairing(program, YIWU, LIANDU);
        for (int i = 0; i < 2; i++) {
            // The JSON read is kept (and sent early the second time); exports of the same path and query are not.
            String etag = api().queryParam("program", program).get("/api/v1/pairings").then().statusCode(200)
                    .contentType(startsWith("application/json")).extract().header("ETag");
            for (String accept : List.of("text/csv", "*/*;q=0.1, text/csv", "text/*")) {
                byte[] csv = api().accept(accept).queryParam("program", program).get("/api/v1/pairings").then()
                        .statusCode(200).contentType(startsWith("text/csv")).extract().asByteArray();
                assertEquals(2, Spreadsheets.csv(csv).size(), accept);
            }
            api().accept(XLSX).queryParam("program", program).get("/api/v1/pairings").then().statusCode(200)
                    .contentType(XLSX);
            api().queryParam("program", program).queryParam("format", "csv").get("/api/v1/pairings").then()
                    .statusCode(200).contentType(startsWith("text/csv"));
            for (String accept : List.of("*/*", "application/json", "application/json, text/csv;q=0.5")) {
                api().accept(accept).queryParam("program", program).get("/api/v1/pairings").then().statusCode(200)
                        .contentType(startsWith("application/json")).header("ETag", etag);
            }
        }
    }

    @Test
    void aFileNameThatIsNotAsciiIsAlsoSentAsRfc5987() {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        api().queryParam("format", "csv").queryParam("entityType", "项目").get("/api/v1/audit-events").then()
                .statusCode(200).header("Content-Disposition", equalTo("attachment; filename=\"___audit-events_" + today
                        + ".csv\"; filename*=UTF-8''%E9%A1%B9%E7%9B%AE_audit-events_" + today + ".csv"));
    }
}
