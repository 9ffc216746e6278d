package org.tandem.export;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.anonymous;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.YIWU;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;
import org.tandem.support.Spreadsheets;
import org.tandem.support.Statements;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProjectExportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A programme with one pairing of Yiwu and Liandu and three projects, one with a title like a formula. */
    private static String programWithProjects() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        project(pairing, "环龙新材料一期", "PROJECT_COOP", "500000000", "2023-06-01");
        project(pairing, "=HYPERLINK(\"http://x\")", "PROJECT_COOP", "1234.5", "2023-07-01");
        project(pairing, "山海协作产业园配套", "CHAIN_COLLAB", null, "2024-03-15");
        return program;
    }

    private static long project(long pairing, String title, String track, String investment, String plannedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("track", track);
        body.put("title", title);
        body.put("hostCounty", LIANDU);
        body.put("investment", investment == null ? null : new BigDecimal(investment));
        body.put("plannedOn", plannedOn);
        return api().body(body).post("/api/v1/pairings/{id}/projects", pairing).then().log().ifValidationFails().statusCode(201)
                .extract()
                .jsonPath().getLong("id");
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void csvHasTheBomChineseHeadersAndEveryMatchingRowDefused() {
        String program = programWithProjects();
        var response = api().accept("text/csv").queryParam("program", program).get("/api/v1/projects").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition",
                        equalTo("attachment; filename=\"" + program + "_projects_" + today() + ".csv\""))
                .extract().response();
        List<List<String>> rows = Spreadsheets.csv(response.asByteArray());
        assertEquals(4, rows.size(), "the header and the programme's three projects");
        assertEquals(List.of("项目编号", "结对编号", "计划", "领域", "项目名称", "牵头企业", "落地县代码", "落地县", "投资额（元）",
                "预计年产值（元）", "预计年税收（元）", "状态", "计划日期", "签约日期", "开工日期", "投产日期", "取消日期", "说明"), rows.get(0));
        assertEquals("环龙新材料一期", rows.get(1).get(4));
        assertEquals("莲都区", rows.get(1).get(7));
        assertEquals("500000000.00", rows.get(1).get(8), "money has two decimals");
        assertEquals("2023-06-01", rows.get(1).get(12));
        assertEquals("'=HYPERLINK(\"http://x\")", rows.get(2).get(4), "a formula-like text is defused");
        assertEquals("1234.50", rows.get(2).get(8));
        assertEquals("", rows.get(3).get(8), "no investment, an empty cell");
        assertEquals(program, rows.get(3).get(2));
    }

    @Test
    void englishHeadersWithAcceptLanguageEnAndTheFilterApplied() {
        String program = programWithProjects();
        var response = api().accept("text/csv").header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5")
                .queryParam("program", program).queryParam("track", "CHAIN_COLLAB")
                .queryParam("sort", "-plannedOn").get("/api/v1/projects").then().statusCode(200).extract()
                .response();
        List<List<String>> rows = Spreadsheets.csv(response.asByteArray());
        assertEquals("ID", rows.get(0).get(0));
        assertEquals("Host county", rows.get(0).get(7));
        assertEquals(2, rows.size(), "only the programme's industry-platform project");
        assertEquals("山海协作产业园配套", rows.get(1).get(4));
    }

    @Test
    void xlsxByTheFormatParameterHasTypedCellsAFrozenFilteredHeader() {
        String program = programWithProjects();
        // format wins over Accept, and a browser's Accept.
        var response = api().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .queryParam("program", program).queryParam("format", "xlsx").queryParam("sort", "plannedOn")
                .get("/api/v1/projects").then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition",
                        equalTo("attachment; filename=\"" + program + "_projects_" + today() + ".xlsx\""))
                .extract().response();
        byte[] body = response.asByteArray();
        List<Row> rows = Spreadsheets.xlsx(body);
        assertEquals(4, rows.size());
        assertEquals("项目名称", rows.get(0).getCell(4).asString());
        Row first = rows.get(1);
        assertEquals(CellType.NUMBER, first.getCell(0).getType(), "the id is a number");
        assertEquals(CellType.STRING, first.getCell(4).getType());
        assertEquals("环龙新材料一期", first.getCell(4).asString());
        assertEquals(CellType.NUMBER, first.getCell(8).getType(), "money is a number");
        assertEquals(0, new BigDecimal("500000000").compareTo(first.getCell(8).asNumber()));
        assertTrue(first.getCell(8).getDataFormatString().contains("0.00"), "money shows two decimals");
        assertEquals(CellType.NUMBER, first.getCell(12).getType(), "a date is a date cell");
        assertEquals(LocalDateTime.parse("2023-06-01T00:00"), first.getCell(12).asDate());
        assertTrue(first.getCell(12).getDataFormatString().contains("yy"), "shown as a date");
        // In XLSX a formula-like text is plain text, never a formula.
        assertEquals("=HYPERLINK(\"http://x\")", rows.get(2).getCell(4).asString());
        assertEquals(null, rows.get(2).getCell(4).getFormula());
        String sheet = Spreadsheets.firstSheetXml(body);
        assertTrue(sheet.contains("state=\"frozen\"") && sheet.contains("ySplit=\"1\""), "the header row is frozen");
        assertTrue(sheet.contains("<autoFilter ref=\"A1:R4\""), "the header row filters the rows: " + sheet);
    }

    @Test
    void aPairingsProjectsExportToo() {
        String program = programWithProjects();
        long pairing = api().queryParam("program", program).get("/api/v1/pairings").then().statusCode(200).extract()
                .jsonPath().getLong("items[0].id");
        var response = api().queryParam("format", "csv").get("/api/v1/pairings/{id}/projects", pairing).then()
                .statusCode(200).header("Content-Disposition", containsString("pairing-" + pairing + "_projects_"))
                .extract().response();
        assertEquals(4, Spreadsheets.csv(response.asByteArray()).size());
    }

    @Test
    void anUnknownFormatIsA400AndJsonStaysTheDefault() {
        api().queryParam("format", "pdf").get("/api/v1/projects").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        // Any media type, or JSON, is still JSON.
        api().accept("*/*").get("/api/v1/projects").then().statusCode(200).contentType(startsWith("application/json"));
        api().get("/api/v1/projects").then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void anExportNeedsAToken() {
        anonymous().accept("text/csv").get("/api/v1/projects").then().statusCode(401);
        anonymous().queryParam("format", "xlsx").get("/api/v1/projects").then().statusCode(401);
    }

    @Test
    void aBadFilterIsAProblemNotAFile() {
        api().accept("text/csv").queryParam("sort", "nope").get("/api/v1/projects").then().statusCode(400)
                .contentType("application/problem+json");
        api().accept("text/csv").queryParam("county", "12").get("/api/v1/projects").then().statusCode(400)
                .contentType("application/problem+json");
        api().queryParam("format", "csv").get("/api/v1/pairings/{id}/projects", 987654321).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anExportsStatementsDoNotGrowWithItsRows() {
        String few = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        project(Fixtures.pairing(few, YIWU, LIANDU), "一个项目", "PROJECT_COOP", "1", "2023-06-01");
        String many = programWithProjects();
        long pairing = api().queryParam("program", many).get("/api/v1/pairings").then().extract().jsonPath()
                .getLong("items[0].id");
        for (int i = 0; i < 5; i++) {
            project(pairing, "项目 " + i, "PROJECT_COOP", "100", "2024-01-0" + (i + 1));
        }
        for (String format : List.of("csv", "xlsx")) {
            long one = Statements.of(() -> api().queryParam("format", format).queryParam("program", few)
                    .get("/api/v1/projects").then().statusCode(200));
            long eight = Statements.of(() -> api().queryParam("format", format).queryParam("program", many)
                    .get("/api/v1/projects").then().statusCode(200));
            assertEquals(one, eight, "the rows of a batch are read together, not one by one (" + format + ")");
        }
    }
}
