package org.tandem.spreadsheet;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tandem.support.Api.api;
import static org.tandem.support.Api.as;
import static org.tandem.support.Numbers.numberEqualTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tandem.assessment.AnnualAssessmentTest;
import org.tandem.support.Fixtures;
import org.tandem.support.RowLocks;
import org.tandem.support.Workbooks;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Files an import must refuse: each gets a clear problem+json (row errors naming the cell where it is a row),
 * never a 500, and nothing changes.
 */
@QuarkusTest
class ImportBadFilesTest {

    @Inject
    AgroalDataSource dataSource;

    static final String XLSX = ImportTemplateRoundTripTest.XLSX;
    static final String LEAN = ImportTemplateRoundTripTest.LEAN;
    static final List<Object> HEADER = List.of("key", "pairing", "year", "indicator", "name", "unit", "value");

    /** A targets sheet with the given rows under the template's header. */
    static byte[] targets(List<?>... rows) {
        return sheet("targets", rows);
    }

    static byte[] sheet(String name, List<?>... rows) {
        List<List<Object>> all = new ArrayList<>();
        all.add(new ArrayList<>(HEADER));
        for (List<?> row : rows) {
            all.add(new ArrayList<>(row));
        }
        Map<String, List<List<Object>>> book = new LinkedHashMap<>();
        book.put(name, all);
        return Workbooks.write(book);
    }

    static List<Object> row(Object pairing, Object year, Object indicator, Object value) {
        return Arrays.asList("", pairing, year, indicator, null, null, value);
    }

    static ValidatableResponse post(RequestSpecification who, String contentType, byte[] body, boolean dryRun) {
        return who.contentType(contentType).body(body).queryParam("kind", "targets").queryParam("dryRun", dryRun)
                .post("/api/v1/imports").then();
    }

    static ValidatableResponse post(String contentType, byte[] body) {
        return post(api(), contentType, body, false);
    }

    /** Nothing was written for the pairing: no target, no history. */
    static void nothingChanged(long pairing) {
        api().get("/api/v1/pairings/{id}/years/2024/targets", pairing).then().statusCode(200).body("items", hasSize(0));
        api().get("/api/v1/pairings/{id}/years/2024/history", pairing).then().body("totalItems", equalTo(0));
    }

    static void problem(ValidatableResponse response, int status, String code) {
        response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("/problems/" + code)).body("status", equalTo(status));
    }

    @Test
    void notASpreadsheet() {
        long pairing = Fixtures.yiwuLiandu();
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
        problem(post(XLSX, png), 400, "not-a-spreadsheet");
        problem(post("text/csv", png), 400, "not-a-spreadsheet");
        problem(post(XLSX, new byte[0]), 400, "empty-file");
        api().contentType("image/png").body(png).queryParam("kind", "targets").post("/api/v1/imports").then()
                .statusCode(415).contentType("application/problem+json");
        problem(post(api(), "text/csv", "这不是表格".getBytes(StandardCharsets.UTF_8), false), 400, "missing-column");
        nothingChanged(pairing);
    }

    @Test
    void aCorruptOrPasswordProtectedWorkbook() {
        long pairing = Fixtures.yiwuLiandu();
        byte[] good = targets(row(pairing, 2024, LEAN, 5));
        problem(post(XLSX, Arrays.copyOf(good, good.length / 2)), 400, "corrupt-workbook");
        byte[] garbage = Arrays.copyOf(new byte[] { 'P', 'K', 3, 4 }, 600);
        problem(post(XLSX, garbage), 400, "corrupt-workbook");
        // An encrypted workbook is an OLE2 compound file (as is a legacy .xls).
        byte[] encrypted = Arrays.copyOf(new byte[] { (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1,
                (byte) 0xb1, 0x1a, (byte) 0xe1 }, 4096);
        post(api().header("Accept-Language", "en"), XLSX, encrypted, false).statusCode(400)
                .body("type", equalTo("/problems/encrypted-or-legacy-workbook"))
                .body("detail", containsString("password-protected"));
        nothingChanged(pairing);
    }

    @Test
    void aZipBombIsRefusedAtTheUnpackedLimit() throws IOException {
        long pairing = Fixtures.yiwuLiandu();
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) { // 20 MiB unpacked, past the test profile's 16M
                zip.write(zeros);
            }
        }
        byte[] file = bomb.toByteArray();
        org.junit.jupiter.api.Assertions.assertTrue(file.length < 100_000, "a small file: " + file.length);
        problem(post(XLSX, file), 413, "too-large-uncompressed");
        nothingChanged(pairing);
    }

    @Test
    void tooLargeOrTooManyRowsIs413() {
        long pairing = Fixtures.yiwuLiandu();
        byte[] big = new byte[600 * 1024]; // past the test profile's 512K
        Arrays.fill(big, (byte) 'a');
        problem(post("text/csv", big), 413, "too-large");
        StringBuilder csv = new StringBuilder("pairing,year,indicator,value\n");
        for (int i = 0; i < 501; i++) { // past the test profile's 500 rows
            csv.append(pairing).append(",2024,").append(LEAN).append(',').append(i).append('\n');
        }
        problem(post("text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)), 413, "too-many-rows");
        nothingChanged(pairing);
    }

    @Test
    void theWrongSheetOrMissingColumns() {
        long pairing = Fixtures.yiwuLiandu();
        post(api(), XLSX, sheet("Sheet1", row(pairing, 2024, LEAN, 5)), false).statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/wrong-sheet"))
                .body("detail", containsString("Sheet1"));
        post(api(), "text/csv", "pairing,year,value\n1,2024,5\n".getBytes(StandardCharsets.UTF_8), false)
                .statusCode(400).body("type", equalTo("/problems/missing-column"))
                .body("errors[0].field", equalTo("indicator")).body("errors[0].row", equalTo(1));
        nothingChanged(pairing);
    }

    @Test
    void mergedCellsAndHiddenRowsOrColumnsAreNamedByTheirCells() throws IOException {
        long pairing = Fixtures.yiwuLiandu();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Excel", "1.0");
        org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("targets");
        for (int c = 0; c < HEADER.size(); c++) {
            sheet.value(0, c, HEADER.get(c).toString());
        }
        for (int r = 1; r <= 3; r++) {
            sheet.value(r, 1, pairing);
            sheet.value(r, 2, 2024);
            sheet.value(r, 3, LEAN);
            sheet.value(r, 6, r);
        }
        sheet.range(2, 5, 2, 6).merge();
        sheet.hideRow(3);
        sheet.hideColumn(4);
        workbook.finish();
        post(api(), XLSX, out.toByteArray(), true).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/merged-or-hidden-cells")).body("errors", hasSize(3))
                .body("errors.find { it.code == 'merged-cells' }.value", equalTo("F3:G3"))
                .body("errors.find { it.code == 'merged-cells' }.row", equalTo(3))
                .body("errors.find { it.code == 'merged-cells' }.column", equalTo("F"))
                .body("errors.find { it.code == 'hidden-row' }.row", equalTo(4))
                .body("errors.find { it.code == 'hidden-column' }.column", equalTo("E"))
                .body("errors.find { it.code == 'hidden-row' }.message", equalTo("第 4 行被隐藏。"));
        nothingChanged(pairing);
    }

    @Test
    void formulasTextInNumberCellsAndDatesAreRowErrorsNamingTheirCells() {
        long pairing = Fixtures.yiwuLiandu();
        byte[] file = targets(row(pairing, 2024, LEAN, new Workbooks.Formula("2+3")),
                row(pairing, 2024, "INVESTMENT_LEADS_SHARED", "12 个"),
                row(pairing, LocalDate.of(2024, 1, 1), "LAND_QUOTA_MU", 3),
                row(pairing, "2024/1/1", "SUPPLY_CONTRACTS_VALUE", 3),
                row("结对", 2024, "ENTERPRISES_RELOCATED", 3));
        post(api(), XLSX, file, false).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-rows")).body("errors", hasSize(5))
                .body("errors.code", equalTo(List.of("formula", "not-a-number", "date-not-year", "date-not-year",
                        "not-an-integer")))
                .body("errors.row", equalTo(List.of(2, 3, 4, 5, 6)))
                .body("errors.column", equalTo(List.of("G", "G", "C", "C", "B")))
                .body("errors.sheet", equalTo(List.of("targets", "targets", "targets", "targets", "targets")))
                .body("errors[1].value", equalTo("12 个")).body("errors[3].value", equalTo("2024/1/1"))
                .body("errors[0].message", containsString("公式"));
        nothingChanged(pairing);
    }

    @Test
    void fullWidthDigitsAreReadAsDigits() {
        long pairing = Fixtures.yiwuLiandu();
        byte[] file = targets(row(toFullWidth(String.valueOf(pairing)), "２０２４", LEAN, "１２．５"));
        post(api(), XLSX, file, false).statusCode(201).body("totals.created", equalTo(1));
        api().get("/api/v1/pairings/{id}/years/2024/targets", pairing).then()
                .body("items[0].value", numberEqualTo(new java.math.BigDecimal("12.5")));
    }

    static String toFullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) (c - '0' + '０')));
        return out.toString();
    }

    @Test
    void duplicateRowsAreErrorsNamingTheFirst() {
        long pairing = Fixtures.yiwuLiandu();
        byte[] file = targets(row(pairing, 2024, LEAN, 5), row(pairing, 2024, "INVESTMENT_LEADS_SHARED", 1),
                row(pairing, 2024, LEAN, 6));
        post(api(), XLSX, file, true).statusCode(200).body("totals.errors", equalTo(1))
                .body("errors[0].code", equalTo("duplicate-row")).body("errors[0].row", equalTo(4))
                .body("errors[0].message", containsString("第 2 行"));
        post(api(), XLSX, file, false).statusCode(400).body("errors[0].code", equalTo("duplicate-row"));
        // A key that no longer matches its row: an existing row's identity was edited.
        byte[] edited = targets(Arrays.asList(pairing + "/2024/" + LEAN, pairing, 2024, "INVESTMENT_LEADS_SHARED",
                null, null, 5));
        post(api(), XLSX, edited, false).statusCode(400).body("errors[0].code", equalTo("key-mismatch"))
                .body("errors[0].column", equalTo("A"));
        nothingChanged(pairing);
    }

    @Test
    void rowsForAnotherCountysPairOrAnUnknownPairing() {
        long own = Fixtures.yiwuLiandu();
        long other = Fixtures.pairing(Fixtures.program(List.of(Fixtures.NANHU), List.of(Fixtures.SUICHANG)),
                Fixtures.NANHU, Fixtures.SUICHANG);
        String clerk = Fixtures.user("county-editor", Fixtures.YIWU);
        byte[] file = targets(row(own, 2024, LEAN, 5), row(other, 2024, LEAN, 5), row(Long.MAX_VALUE / 2, 2024, LEAN, 1),
                row(own, 2030, "INVESTMENT_LEADS_SHARED", 1));
        post(as(clerk, Fixtures.PASSWORD), XLSX, file, false).statusCode(400)
                .body("errors.code", equalTo(List.of("not-your-pairing", "not-found", "year-outside-program")))
                .body("errors.column", equalTo(List.of("B", "B", "C")))
                .body("errors[0].value", equalTo(String.valueOf(other)))
                .body("errors[0].message", equalTo("结对 " + other + " 不属于您所在的县，您不能修改它的数据。"));
        nothingChanged(own);
        nothingChanged(other);
        // Its own rows alone import.
        post(as(clerk, Fixtures.PASSWORD), XLSX, targets(row(own, 2024, LEAN, 5)), false).statusCode(201);
    }

    @Test
    void valuesOfALockedPairYearAreRefused() {
        long pairing = Fixtures.yiwuLiandu();
        String actuals = "/api/v1/pairings/" + pairing + "/years/2024/actuals";
        api().body(Map.of("items", List.of(Map.of("indicator", LEAN, "value", 3)))).put(actuals).then()
                .statusCode(200);
        api().post(actuals + "/submit").then().statusCode(200);
        api().contentType(XLSX).body(sheet("actuals", row(pairing, 2024, LEAN, 4)))
                .queryParam("kind", "actuals").post("/api/v1/imports").then().statusCode(400)
                .body("errors[0].code", equalTo("actuals-locked")).body("errors[0].column", equalTo("C"))
                .body("errors[0].message", containsString("已提交或已审核"));
        api().get(actuals).then().body("items[0].value", numberEqualTo(3));
        // Targets of a year whose actuals were submitted need a reason, as in the JSON API.
        post(api(), XLSX, targets(row(pairing, 2024, LEAN, 4)), false).statusCode(400)
                .body("errors[0].code", equalTo("reason-required"));
        api().contentType(XLSX).body(targets(row(pairing, 2024, LEAN, 4))).queryParam("kind", "targets")
                .queryParam("reason", "年中调整").post("/api/v1/imports").then().statusCode(201);
        api().get("/api/v1/pairings/{id}/years/2024/history?kind=TARGET", pairing).then()
                .body("items[0].reason", equalTo("年中调整"));
    }

    /** A new programme's one pairing and its assessment of 2024, run and not finalized. */
    private record Assessed(long pairing, long assessment) {

        static Assessed ofANewProgramme() {
            String program = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
            long pairing = Fixtures.pairing(program, Fixtures.YIWU, Fixtures.LIANDU);
            AnnualAssessmentTest.publishedScheme(program, 2024);
            AnnualAssessmentTest.run(program);
            return new Assessed(pairing, api().queryParam("program", program).queryParam("year", 2024)
                    .get("/api/v1/assessments").then().statusCode(200).extract().jsonPath().getLong("items[0].id"));
        }
    }

    @Test
    void valuesOfAYearAFinalizedAssessmentLocksAreRefused() {
        Assessed assessed = Assessed.ofANewProgramme();
        long pairing = assessed.pairing();
        long assessment = assessed.assessment();
        String etag = api().get("/api/v1/assessments/{id}", assessment).then().statusCode(200).extract()
                .header("ETag");
        api().header("If-Match", etag).post("/api/v1/assessments/{id}/finalize", assessment).then().statusCode(200);
        String clerk = Fixtures.user("county-editor", Fixtures.LIANDU);
        post(as(clerk, Fixtures.PASSWORD), XLSX, targets(row(pairing, 2024, LEAN, 4), row(pairing, 2025, LEAN, 4)),
                false).statusCode(400).contentType("application/problem+json").body("errors", hasSize(1))
                .body("errors[0].code", equalTo("locked-by-finalized-assessment")).body("errors[0].row", equalTo(2))
                .body("errors[0].column", equalTo("C")).body("errors[0].value", equalTo("2024"))
                .body("errors[0].message", equalTo("2024 年度的数据已由定稿的考核锁定，不能修改。"));
        nothingChanged(pairing);
        api().get("/api/v1/pairings/{id}/years/2025/targets", pairing).then().body("items", hasSize(0));
    }

    @Test
    void anImportOfValuesTakesTurnsWithAFinalizationOnThePairing() throws Exception {
        Assessed assessed = Assessed.ofANewProgramme();
        long pairing = assessed.pairing();
        long assessment = assessed.assessment();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // A finalization under way holds the pairing's row: the import waits for it before it checks anything ...
            Future<ValidatableResponse> imported;
            try (Connection finalization = RowLocks.holdPairing(dataSource, pairing)) {
                imported = pool.submit(() -> post(api(), XLSX, targets(row(pairing, 2024, LEAN, 4)), false));
                Thread.sleep(500);
                assertFalse(imported.isDone(), "the import did not wait for the pairing's row");
                // ... and the finalization locks the year and commits, as YearLock.set does.
                try (PreparedStatement lock = finalization.prepareStatement("insert into pairing_year_lock"
                        + " (pairing_id, calendar_year, assessment_id) values (?, 2024, ?)")) {
                    lock.setLong(1, pairing);
                    lock.setLong(2, assessment);
                    lock.executeUpdate();
                }
                finalization.commit();
            }
            imported.get(30, TimeUnit.SECONDS).statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("/problems/invalid-rows")).body("errors", hasSize(1))
                    .body("errors[0].code", equalTo("locked-by-finalized-assessment"))
                    .body("errors[0].row", equalTo(2));
        } finally {
            pool.shutdownNow();
        }
        nothingChanged(pairing);
    }

    @Test
    void aCsvInUtf8WithBomImportsAndOneInAnotherEncodingIsRefused() {
        long pairing = Fixtures.yiwuLiandu();
        String text = "结对编号,年度,指标代码,数值\n" + pairing + ",2024," + LEAN + ",7\n";
        byte[] gbk = text.getBytes(Charset.forName("GBK"));
        problem(post("text/csv", gbk), 400, "not-utf8");
        nothingChanged(pairing);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xef;
        bom[1] = (byte) 0xbb;
        bom[2] = (byte) 0xbf;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        post("text/csv", bom).statusCode(201).body("totals.created", equalTo(1)).body("sheet", equalTo("targets"));
        api().get("/api/v1/pairings/{id}/years/2024/targets", pairing).then().body("items[0].value", numberEqualTo(7));
    }
}
