package org.tandem.spreadsheet;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.spreadsheet.ImportTemplateRoundTripTest.XLSX;
import static org.tandem.spreadsheet.ImportTemplateRoundTripTest.editor;
import static org.tandem.spreadsheet.ImportTemplateRoundTripTest.upload;
import static org.tandem.support.Api.api;
import static org.tandem.support.Numbers.numberEqualTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.tandem.assessment.AnnualAssessmentTest;
import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.ProjectStatus;
import org.tandem.support.CooperationRecords;
import org.tandem.support.Fixtures;
import org.tandem.support.StoredProjectCounts;
import org.tandem.support.Workbooks;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Projects (with their dated steps), activities and parks through spreadsheets, over HTTP: the template holds the
 * pairing's records keyed by id, with in-cell lists; a filled-in sheet with wrong cells is dry-run (every error at
 * its cell, nothing changed), refused whole, corrected, imported, seen through the JSON API, the progress and the
 * audit trail, and imported again without any change.
 */
@QuarkusTest
class ImportRecordsTest {

    @Inject
    CooperationRecords records;
    @Inject
    SessionFactory sessionFactory;

    private static long count(String path) {
        return api().get(path).then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    private static BigDecimal signedActual(String base) {
        Object value = api().get(base + "/progress").then().statusCode(200).extract().jsonPath()
                .get("indicators.find { it.indicator == 'PROJECTS_SIGNED' }.actual");
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    @Test
    void projectsWithTheirStepsFromTheTemplateDryRunCorrectedImportedAndImportedAgain() {
        long pairing = Fixtures.yiwuLiandu();
        String clerk = Fixtures.user("county-editor", Fixtures.YIWU);
        String base = "/api/v1/pairings/" + pairing + "/years/2024";
        api().body(Map.of("items", List.of(Map.of("indicator", "PROJECTS_SIGNED", "value", 5)))).put(base + "/targets")
                .then().statusCode(200);
        long first = records.project(pairing, "PROJECT_COOP", new BigDecimal("500000000"), null, null, "2024-01-10",
                CooperationRecords.step(ProjectStatus.SIGNED, "2024-03-01"));
        long second = records.project(pairing, "CHAIN_COLLAB", new BigDecimal("1000000"), null, null, "2024-01-05",
                CooperationRecords.step(ProjectStatus.SIGNED, "2024-02-01"));

        byte[] template = editor(clerk).accept(XLSX).get(base + "/template").then().statusCode(200).extract()
                .asByteArray();
        Map<String, List<List<Object>>> book = Workbooks.read(template);
        List<List<Object>> projects = book.get("projects");
        assertEquals(Arrays.asList("编号", "结对编号", "方面代码", "项目名称", "牵头企业", "落地县代码", "总投资（元）",
                "预计年产值（元）", "预计年税收（元）", "状态", "谋划日期", "签约日期", "开工日期", "投产日期", "取消日期", "说明"),
                projects.get(0));
        assertEquals(3, projects.size());
        List<Object> firstRow = projects.get(1);
        assertEquals(0, BigDecimal.valueOf(first).compareTo((BigDecimal) firstRow.get(0)));
        assertEquals("SIGNED", firstRow.get(9));
        assertEquals(LocalDate.parse("2024-03-01"), firstRow.get(11));
        assertTrue(sheetXml(template, "projects").contains("<dataValidation"), "track offered as an in-cell list");
        assertTrue(sheetXml(template, "activities").contains("<dataValidation"), "track and kind as in-cell lists");
        assertEquals(List.of("合作方面", "活动类型", "项目状态", "指标代码", "填报指标代码"),
                book.get("lists").get(0).subList(0, 5));

        // Filled in: the first project moves on and costs more, a new one, and five wrong rows.
        set(firstRow, 6, new BigDecimal("600000000"));
        set(firstRow, 12, LocalDate.parse("2024-05-20"));
        List<Object> secondRow = projects.get(2);
        set(secondRow, 11, LocalDate.parse("2024-02-15"));
        projects.add(row(null, pairing, "PROJECT_COOP", "精益管理诊断项目", null, Fixtures.YIWU, 1200000, null, null,
                null, "2024/2/1", LocalDate.parse("2024-04-01"), null, null, null, "新项目"));
        projects.add(row(null, pairing, "PROJECT_COOP", "落地别处", null, Fixtures.HANGZHOU_XIHU, 1, null, null, null,
                LocalDate.parse("2024-01-01"), null, null, null, null, null));
        projects.add(row(null, pairing, "NOPE", "没有这个方面", null, Fixtures.LIANDU, 1, null, null, null,
                LocalDate.parse("2024-01-01"), null, null, null, null, null));
        projects.add(row(null, pairing, "PROJECT_COOP", "日期写错", null, Fixtures.LIANDU, 1, null, null, null,
                "01/02/2024", null, null, null, null, null));
        projects.add(row(null, pairing, "PROJECT_COOP", "投资写成文字", null, Fixtures.LIANDU, "五百万", null, null,
                null, LocalDate.parse("2024-01-01"), null, null, null, null, null));
        byte[] wrong = Workbooks.write(book);

        long events = count("/api/v1/audit-events");
        BigDecimal signedBefore = signedActual(base);
        JsonPath dry = upload(editor(clerk), wrong, "projects", true, 200);
        assertNull(dry.get("id"));
        assertEquals(7, dry.getInt("totals.rows"));
        assertEquals(1, dry.getInt("totals.created"));
        assertEquals(1, dry.getInt("totals.updated"));
        assertEquals(5, dry.getInt("totals.errors"));
        assertEquals(Map.of("field", "signedOn", "code", "step-date-fixed", "sheet", "projects", "row", 3, "column",
                "L", "value", "2024-02-15"), without(dry.getMap("errors.find { it.code == 'step-date-fixed' }")));
        assertEquals(Map.of("field", "hostCounty", "code", "host-county-not-in-pair", "sheet", "projects", "row", 5,
                "column", "F", "value", Fixtures.HANGZHOU_XIHU, "message",
                "县“" + Fixtures.HANGZHOU_XIHU + "”不是该结对的两个县之一。"),
                dry.getMap("errors.find { it.code == 'host-county-not-in-pair' }"));
        assertEquals("C", dry.getString("errors.find { it.code == 'unknown-track' }.column"));
        assertEquals(7, dry.getInt("errors.find { it.code == 'not-a-date' }.row"));
        assertEquals("K", dry.getString("errors.find { it.code == 'not-a-date' }.column"));
        assertEquals("五百万", dry.getString("errors.find { it.code == 'not-a-number' }.value"));
        assertEquals("updated", dry.getString("rows.find { it.row == 2 }.outcome"));
        assertEquals("created", dry.getString("rows.find { it.row == 4 }.outcome"));
        api().get("/api/v1/projects/{id}", first).then().body("investment", numberEqualTo(500000000))
                .body("status", equalTo("SIGNED"));
        assertEquals(2, count("/api/v1/pairings/" + pairing + "/projects"));
        assertEquals(events, count("/api/v1/audit-events"));

        // Without a dry run: refused whole.
        editor(clerk).header("Accept-Language", "en").contentType(XLSX).body(wrong).queryParam("kind", "projects")
                .post("/api/v1/imports").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-rows")).body("errors", hasSize(5))
                .body("errors.code", hasItems("step-date-fixed", "host-county-not-in-pair", "unknown-track",
                        "not-a-date", "not-a-number"));
        assertEquals(2, count("/api/v1/pairings/" + pairing + "/projects"));
        assertEquals(events, count("/api/v1/audit-events"));

        // Corrected and imported.
        set(secondRow, 11, LocalDate.parse("2024-02-01"));
        projects.subList(4, 8).clear();
        byte[] right = Workbooks.write(book);
        JsonPath imported = upload(editor(clerk), right, "projects", false, 201);
        long id = imported.getLong("id");
        assertEquals(List.of(1, 1, 1, 0), List.of(imported.getInt("totals.created"), imported.getInt("totals.updated"),
                imported.getInt("totals.unchanged"), imported.getInt("totals.errors")));
        long created = Long.parseLong(imported.getString("rows.find { it.row == 4 }.key"));
        api().get("/api/v1/projects/{id}", first).then().body("investment", numberEqualTo(600000000))
                .body("status", equalTo("UNDER_CONSTRUCTION")).body("constructionStartedOn", equalTo("2024-05-20"))
                .body("signedOn", equalTo("2024-03-01"));
        api().get("/api/v1/projects/{id}", created).then().body("title", equalTo("精益管理诊断项目"))
                .body("status", equalTo("SIGNED")).body("plannedOn", equalTo("2024-02-01"))
                .body("signedOn", equalTo("2024-04-01")).body("hostCounty.code", equalTo(Fixtures.YIWU))
                .body("description", equalTo("新项目"));
        assertEquals(0, signedBefore.add(BigDecimal.ONE).compareTo(signedActual(base)),
                "the pair-year's derived count of signed projects takes the new one");
        StoredProjectCounts.assertStoredCountsMatchProjectYears();
        JsonPath trail = api().queryParam("context", "import:" + id).queryParam("size", 100)
                .get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath();
        assertEquals(2, trail.getList("items.findAll { it.entityType == 'CooperationProject' }").size());
        assertEquals(List.of(clerk), trail.getList("items.actor").stream().distinct().toList());
        editor(clerk).get("/api/v1/imports/{id}", id).then().statusCode(200).body("kind", equalTo("projects"))
                .body("totals.created", equalTo(1)).body("totals.updated", equalTo(1));

        // Again: nothing changes.
        long after = count("/api/v1/audit-events");
        JsonPath again = upload(editor(clerk), right, "projects", false, 200);
        assertNull(again.get("id"));
        assertEquals(3, again.getInt("totals.unchanged"));
        assertEquals(3, count("/api/v1/pairings/" + pairing + "/projects"));
        assertEquals(after, count("/api/v1/audit-events"));
    }

    @Test
    void activitiesFromACsvOnlyForTheClerksOwnPairs() {
        long pairing = Fixtures.yiwuLiandu();
        String other = Fixtures.program(List.of(Fixtures.NANHU), List.of(Fixtures.SUICHANG));
        long others = Fixtures.pairing(other, Fixtures.NANHU, Fixtures.SUICHANG);
        String clerk = Fixtures.user("county-editor", Fixtures.LIANDU);
        String csv = "key,pairing,track,kind,heldOn,title,participants,enterprises,amount,description\n"
                + "," + pairing + ",CHAIN_COLLAB,DOCKING_MEETING,2024-03-15,招商对接会,30,5,1000000.50,\n"
                + "," + others + ",CHAIN_COLLAB,DOCKING_MEETING,2024-03-15,别人的会,30,5,,\n"
                + "," + pairing + ",CHAIN_COLLAB,party,2024-03-16,联欢,,,,\n"
                + "," + pairing + ",chain_collab,TRAINING,2099-01-01,未来的培训,,,,\n";
        byte[] file = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        JsonPath dry = editor(clerk).contentType("text/csv").body(file).queryParam("kind", "activities")
                .queryParam("dryRun", true).post("/api/v1/imports").then().statusCode(200).extract().jsonPath();
        assertEquals(1, dry.getInt("totals.created"));
        assertEquals(3, dry.getInt("totals.errors"));
        assertEquals("B", dry.getString("errors.find { it.code == 'not-your-pairing' }.column"));
        assertEquals(3, dry.getInt("errors.find { it.code == 'not-your-pairing' }.row"));
        assertEquals("D", dry.getString("errors.find { it.code == 'unknown-value' }.column"));
        assertEquals("E", dry.getString("errors.find { it.code == 'date-out-of-range' }.column"));
        assertEquals(0, count("/api/v1/pairings/" + pairing + "/activities"));

        String right = csv.lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow();
        byte[] good = right.getBytes(StandardCharsets.UTF_8);
        editor(clerk).contentType("text/csv").body(good).queryParam("kind", "activities").post("/api/v1/imports")
                .then().statusCode(201).body("totals.created", equalTo(1));
        api().get("/api/v1/pairings/{id}/activities", pairing).then().body("items", hasSize(1))
                .body("items[0].title", equalTo("招商对接会")).body("items[0].kind", equalTo("DOCKING_MEETING"))
                .body("items[0].amount", numberEqualTo(new BigDecimal("1000000.50")))
                .body("items[0].participants", equalTo(30));
        editor(clerk).contentType("text/csv").body(good).queryParam("kind", "activities").post("/api/v1/imports")
                .then().statusCode(200).body("totals.unchanged", equalTo(1)).body("id", equalTo(null));
        assertEquals(1, count("/api/v1/pairings/" + pairing + "/activities"));
        records.activity(pairing, "CHAIN_COLLAB", ActivityKind.TRAINING, "2024-04-01", 10, null, null);
        editor(clerk).accept(XLSX).get("/api/v1/pairings/{id}/years/2024/template", pairing).then().statusCode(200);
    }

    /**
     * A dry run, and an import with an error, decide every row's outcome without writing a record, not even to roll
     * it back; the import without the error writes them.
     */
    @Test
    void aDryRunAndAnImportWithAnErrorWriteNoRecordToRollBack() {
        long pairing = Fixtures.yiwuLiandu();
        String header = "key,pairing,track,kind,heldOn,title,participants,enterprises,amount,description\n";
        String good = "," + pairing + ",CHAIN_COLLAB,DOCKING_MEETING,2024-06-01,只判断不写入一,10,1,,\n"
                + "," + pairing + ",CHAIN_COLLAB,TRAINING,2024-06-02,只判断不写入二,10,1,,\n";
        String bad = "," + pairing + ",NO_SUCH_TRACK,TRAINING,2024-06-03,只判断不写入三,10,1,,\n";
        // The entity is package-private to its feature: named as Hibernate knows it.
        var activities = sessionFactory.getStatistics().getEntityStatistics("org.tandem.cooperation.CooperationActivity");

        long before = activities.getInsertCount();
        api().contentType("text/csv").body((header + good + bad).getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "activities").queryParam("dryRun", true).post("/api/v1/imports").then()
                .statusCode(200).body("totals.created", equalTo(2)).body("totals.errors", equalTo(1));
        api().contentType("text/csv").body((header + good).getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "activities").queryParam("dryRun", true).post("/api/v1/imports").then()
                .statusCode(200).body("totals.created", equalTo(2));
        api().contentType("text/csv").body((header + good + bad).getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "activities").post("/api/v1/imports").then().statusCode(400)
                .body("errors.code", equalTo(List.of("unknown-track")));
        assertEquals(before, activities.getInsertCount(), "records written and rolled back");
        assertEquals(0, count("/api/v1/pairings/" + pairing + "/activities"));

        api().contentType("text/csv").body((header + good).getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "activities").post("/api/v1/imports").then().statusCode(201)
                .body("totals.created", equalTo(2));
        assertEquals(before + 2, activities.getInsertCount());
        assertEquals(2, count("/api/v1/pairings/" + pairing + "/activities"));
    }

    /**
     * A row without a key changes the record of its own pairing with the same track and title, never another pair's
     * of that title; two such records in its pairing make it ambiguous.
     */
    @Test
    void aRowWithoutAKeyMatchesByTitleWithinItsOwnPairingOnly() {
        long twice = Fixtures.yiwuLiandu();
        String program = Fixtures.program(List.of(Fixtures.NANHU), List.of(Fixtures.SUICHANG));
        long once = Fixtures.pairing(program, Fixtures.NANHU, Fixtures.SUICHANG);
        long first = records.project(twice, "PROJECT_COOP", new BigDecimal("1"), null, null, "2024-01-10");
        records.project(twice, "PROJECT_COOP", new BigDecimal("2"), null, null, "2024-01-11");
        long only = records.project(once, "PROJECT_COOP", new BigDecimal("3"), null, null, "2024-01-12");

        String header = "key,pairing,track,title,leadEnterprise,hostCounty,investment,expectedAnnualOutput,"
                + "expectedAnnualTax,status,plannedOn,signedOn,constructionStartedOn,productionStartedOn,cancelledOn,"
                + "description\n";
        String onlyRow = "," + once + ",PROJECT_COOP,测试项目 PROJECT_COOP,," + Fixtures.SUICHANG
                + ",9,,,,2024-01-12,,,,,\n";
        String twiceRow = "," + twice + ",PROJECT_COOP,测试项目 PROJECT_COOP,," + Fixtures.LIANDU
                + ",9,,,,2024-01-10,,,,,\n";
        JsonPath dry = api().contentType("text/csv").body((header + onlyRow + twiceRow).getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "projects").queryParam("dryRun", true).post("/api/v1/imports").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, dry.getInt("totals.updated"));
        assertEquals(List.of("ambiguous-match"), dry.getList("errors.code"));
        assertEquals(List.of(3), dry.getList("errors.row"));

        api().contentType("text/csv").body((header + onlyRow).getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "projects").post("/api/v1/imports").then().statusCode(201)
                .body("totals.updated", equalTo(1));
        api().get("/api/v1/projects/{id}", only).then().body("investment", numberEqualTo(9));
        api().get("/api/v1/projects/{id}", first).then().body("investment", numberEqualTo(1));
        assertEquals(2, count("/api/v1/pairings/" + twice + "/projects"));
        assertEquals(1, count("/api/v1/pairings/" + once + "/projects"));
    }

    /**
     * Rows that would change a pair's projects or activities of a year its finalized assessment froze are refused,
     * each at its own row, and change nothing; the pair's rows of an open year go in.
     */
    @Test
    void recordsOfAYearAFinalizedAssessmentLocksAreRefusedRowByRow() {
        String program = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        long pairing = Fixtures.pairing(program, Fixtures.YIWU, Fixtures.LIANDU);
        long signed = records.project(pairing, "PROJECT_COOP", new BigDecimal("1000"), null, null, "2024-01-10",
                CooperationRecords.step(ProjectStatus.SIGNED, "2024-03-01"));
        AnnualAssessmentTest.publishedScheme(program, 2024);
        AnnualAssessmentTest.run(program);
        long assessment = api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        String etag = api().get("/api/v1/assessments/{id}", assessment).then().extract().header("ETag");
        api().header("If-Match", etag).post("/api/v1/assessments/{id}/finalize", assessment).then().statusCode(200);

        String header = "key,pairing,track,title,leadEnterprise,hostCounty,investment,expectedAnnualOutput,"
                + "expectedAnnualTax,status,plannedOn,signedOn,constructionStartedOn,productionStartedOn,cancelledOn,"
                + "description\n";
        String nextYear = "," + pairing + ",PROJECT_COOP,明年的项目,," + Fixtures.LIANDU + ",5,,,,2025-01-02,,,,,\n";
        String projects = header + nextYear
                + signed + "," + pairing + ",PROJECT_COOP,改投资,," + Fixtures.LIANDU + ",2000,,,,2024-01-10,,,,,\n"
                + "," + pairing + ",PROJECT_COOP,去年的项目,," + Fixtures.LIANDU + ",1,,,,2024-06-01,,,,,\n";
        JsonPath dry = editor(Fixtures.user("county-editor", Fixtures.LIANDU)).contentType("text/csv")
                .body(projects.getBytes(StandardCharsets.UTF_8)).queryParam("kind", "projects")
                .queryParam("dryRun", true).post("/api/v1/imports").then().statusCode(200).extract().jsonPath();
        assertEquals(1, dry.getInt("totals.created"));
        assertEquals(List.of("locked-by-finalized-assessment", "locked-by-finalized-assessment"),
                dry.getList("errors.code"));
        assertEquals(List.of(3, 4), dry.getList("errors.row"));
        api().get("/api/v1/projects/{id}", signed).then().body("investment", numberEqualTo(1000));

        String activities = "key,pairing,track,kind,heldOn,title,participants,enterprises,amount,description\n"
                + "," + pairing + ",CHAIN_COLLAB,DOCKING_MEETING,2024-12-31,年底的会,30,,,\n"
                + "," + pairing + ",CHAIN_COLLAB,DOCKING_MEETING,2025-01-01,新年的会,30,,,\n";
        api().contentType("text/csv").body(activities.getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "activities").post("/api/v1/imports").then().statusCode(400)
                .body("errors.code", equalTo(List.of("locked-by-finalized-assessment"))).body("errors.row",
                        equalTo(List.of(2)));
        assertEquals(0, count("/api/v1/pairings/" + pairing + "/activities"));

        api().contentType("text/csv").body((header + nextYear).getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "projects").post("/api/v1/imports").then().statusCode(201)
                .body("totals.created", equalTo(1));
        assertEquals(2, count("/api/v1/pairings/" + pairing + "/projects"));
    }

    @Test
    void parksByTheirChineseSheetAndTheProgrammeTemplateForTheProvince() {
        String program = Fixtures.program(List.of(Fixtures.NANHU), List.of(Fixtures.SUICHANG));
        long pairing = Fixtures.pairing(program, Fixtures.NANHU, Fixtures.SUICHANG);
        Map<String, List<List<Object>>> book = new LinkedHashMap<>();
        book.put("园区", new ArrayList<>(List.of(
                new ArrayList<>(List.of("编号", "结对编号", "园区名称", "所在县代码", "设立日期", "面积（亩）", "主导产业")),
                row(null, pairing, "南湖遂昌竹产业共富产业园", Fixtures.SUICHANG, LocalDate.parse("2024-03-01"), "１２０.５",
                        "竹产业"))));
        byte[] file = Workbooks.write(book);
        long id = api().contentType(XLSX).body(file).queryParam("kind", "parks").post("/api/v1/imports").then()
                .statusCode(201).body("sheet", equalTo("园区")).extract().jsonPath().getLong("id");
        api().get("/api/v1/pairings/{id}/parks", pairing).then().body("items", hasSize(1))
                .body("items[0].name", equalTo("南湖遂昌竹产业共富产业园")).body("items[0].areaMu", numberEqualTo(120.5))
                .body("items[0].establishedOn", equalTo("2024-03-01"));
        api().queryParam("context", "import:" + id).get("/api/v1/audit-events").then()
                .body("items.entityType", hasItem("CooperationPark"));
        api().contentType(XLSX).body(file).queryParam("kind", "parks").post("/api/v1/imports").then().statusCode(200)
                .body("totals.unchanged", equalTo(1));

        byte[] template = api().accept(XLSX).get("/api/v1/programs/{code}/years/2024/template", program).then()
                .statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.containsString(program + "_2024"))
                .extract().asByteArray();
        Map<String, List<List<Object>>> read = Workbooks.read(template);
        assertTrue(read.get("targets").stream().skip(1)
                .allMatch(r -> BigDecimal.valueOf(pairing).compareTo((BigDecimal) r.get(1)) == 0));
        assertEquals("南湖遂昌竹产业共富产业园", read.get("parks").get(1).get(2));
        String clerk = Fixtures.user("county-editor", Fixtures.NANHU);
        editor(clerk).accept(XLSX).get("/api/v1/programs/{code}/years/2024/template", program).then()
                .statusCode(403);
        api().accept(XLSX).get("/api/v1/programs/{code}/years/2031/template", program).then().statusCode(400)
                .contentType("application/problem+json");
        api().accept(XLSX).get("/api/v1/programs/{code}/years/2024/template", "NO-SUCH").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * An empty cell that must be filled is reported once, as missing, not also as malformed; a malformed one by its
     * own code. The same file twice reports its errors in the same order.
     */
    @Test
    void anEmptyRequiredCellIsReportedOnceAsMissing() {
        long pairing = Fixtures.yiwuLiandu();
        String csv = "key,pairing,name,hostCounty,establishedOn,areaMu,focusIndustry\n"
                + "," + pairing + ",空县园区,,2024-03-01,1e400,竹产业\n"
                + "," + pairing + ",错码园区,12345,2024-03-01,10,竹产业\n"
                + "," + pairing + ",,　,2024-03-01,10,竹产业\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        JsonPath dry = api().contentType("text/csv").body(file).queryParam("kind", "parks").queryParam("dryRun", true)
                .post("/api/v1/imports").then().statusCode(200).extract().jsonPath();
        List<String> found = new ArrayList<>();
        for (Map<String, Object> error : dry.<Map<String, Object>> getList("errors")) {
            found.add(error.get("row") + " " + error.get("column") + " " + error.get("code"));
        }
        assertEquals(List.of("2 D missing-value", "2 F too-many-digits", "3 D not-a-county-code",
                "4 C missing-value", "4 D missing-value"), found);
        assertEquals(dry.getList("errors"), api().contentType("text/csv").body(file).queryParam("kind", "parks")
                .queryParam("dryRun", true).post("/api/v1/imports").then().statusCode(200).extract().jsonPath()
                .getList("errors"));
        api().contentType("text/csv").body(file).queryParam("kind", "parks").post("/api/v1/imports").then()
                .statusCode(400).body("type", equalTo("/problems/invalid-rows")).body("errors", hasSize(5));
        assertEquals(0, count("/api/v1/pairings/" + pairing + "/parks"));
    }

    @Test
    void pairingsWithTheirDesignationsByAnAdminOnly() {
        String program = Fixtures.program(List.of(), List.of());
        List<Object> header = row("key", "program", "industrialCounty", "industrialCountyName", "mountainCounty",
                "mountainCountyName", "formedOn", "status", "evidence", "sourceNote");
        Map<String, List<List<Object>>> book = new LinkedHashMap<>();
        List<List<Object>> rows = new ArrayList<>(List.of(header,
                row(null, program, Fixtures.YIWU, "义乌市", Fixtures.LIANDU, "莲都区", LocalDate.parse("2023-06-01"),
                        null, "explicit", "浙江日报 2024-05"),
                row(null, program, Fixtures.NANHU, null, Fixtures.SUICHANG, null, null, "ACTIVE", null, null),
                row(null, program, "999999", null, Fixtures.JINGNING, null, null, null, null, null),
                row(null, program, Fixtures.LIANDU, null, Fixtures.JINGNING, null, null, null, null, null),
                row(null, program, Fixtures.YIWU, null, Fixtures.JINGNING, null, null, null, null, null),
                row(null, program, Fixtures.CHUNAN, null, Fixtures.JINGNING, null, null, "closed", null, null)));
        book.put("pairings", rows);
        byte[] wrong = Workbooks.write(book);
        String clerk = Fixtures.user("county-editor", Fixtures.YIWU);
        editor(clerk).contentType(XLSX).body(wrong).queryParam("kind", "pairings").post("/api/v1/imports").then()
                .statusCode(403).body("type", equalTo("/problems/admins-only"));
        JsonPath dry = api().contentType(XLSX).body(wrong).queryParam("kind", "pairings").queryParam("dryRun", true)
                .post("/api/v1/imports").then().statusCode(200).extract().jsonPath();
        assertEquals(2, dry.getInt("totals.created"));
        assertEquals(4, dry.getInt("totals.errors"));
        assertEquals("C", dry.getString("errors.find { it.code == 'unknown-county' }.column"));
        assertEquals(5, dry.getInt("errors.find { it.code == 'designated-otherwise' }.row"));
        assertEquals("C", dry.getString("errors.find { it.code == 'designated-otherwise' }.column"));
        assertEquals(6, dry.getInt("errors.find { it.code == 'county-already-paired' }.row"));
        assertEquals("H", dry.getString("errors.find { it.code == 'unknown-value' }.column"));
        api().get("/api/v1/programs/{code}/counties", program).then().body("industrial", hasSize(0));
        api().queryParam("program", program).queryParam("size", 1).get("/api/v1/pairings").then()
                .body("totalItems", equalTo(0));

        rows.subList(3, 7).clear();
        byte[] right = Workbooks.write(book);
        api().contentType(XLSX).body(right).queryParam("kind", "pairings").post("/api/v1/imports").then()
                .statusCode(201).body("totals.created", equalTo(2));
        api().get("/api/v1/programs/{code}/counties", program).then()
                .body("industrial.code", hasItems(Fixtures.YIWU, Fixtures.NANHU))
                .body("mountain.code", hasItems(Fixtures.LIANDU, Fixtures.SUICHANG));
        api().queryParam("program", program).get("/api/v1/pairings").then().body("items", hasSize(2))
                .body("items.find { it.industrialCounty.code == '" + Fixtures.YIWU + "' }.evidence",
                        equalTo("EXPLICIT"))
                .body("items.find { it.industrialCounty.code == '" + Fixtures.YIWU + "' }.formedOn",
                        equalTo("2023-06-01"));
        api().contentType(XLSX).body(right).queryParam("kind", "pairings").post("/api/v1/imports").then()
                .statusCode(200).body("totals.unchanged", equalTo(2));
        // The programme's total counts the pairs the import formed, once.
        api().queryParam("program", program).queryParam("size", 1).get("/api/v1/pairings").then()
                .body("totalItems", equalTo(2));

        byte[] template = api().accept(XLSX).get("/api/v1/programs/{code}/years/2023/template", program).then()
                .statusCode(200).extract().asByteArray();
        List<List<Object>> pairings = Workbooks.read(template).get("pairings");
        assertEquals(3, pairings.size());
        assertEquals("义乌市", pairings.get(1).get(3));
        api().contentType(XLSX).body(template).queryParam("kind", "pairings").post("/api/v1/imports").then()
                .statusCode(200).body("totals.unchanged", equalTo(2));
    }

    @Test
    void aCountyFreedByAnEarlierRowIsPairedByALaterOneInADryRunAndInTheImport() {
        // Pairing "first" holds 330102, "second" 330105. Row 2 moves second off 330105, row 3 moves first onto it,
        // and row 4 forms a new pairing with 330102, which row 3 freed: every row stands only after the ones above.
        String program = Fixtures.program(List.of("330102", "330105"), List.of("330127", "330328"));
        long first = Fixtures.pairing(program, "330102", "330127");
        long second = Fixtures.pairing(program, "330105", "330328");
        String csv = "key,program,industrialCounty,mountainCounty,formedOn,status,evidence,sourceNote\n"
                + second + "," + program + ",330106,330328,,ACTIVE,,\n"
                + first + "," + program + ",330105,330127,,ACTIVE,,\n"
                + "," + program + ",330102,330329,,ACTIVE,,\n";
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        for (boolean dryRun : new boolean[] { true, false }) {
            api().contentType("text/csv").body(body).queryParam("kind", "pairings").queryParam("dryRun", dryRun)
                    .post("/api/v1/imports").then().statusCode(dryRun ? 200 : 201).body("totals.updated", equalTo(2))
                    .body("totals.created", equalTo(1)).body("totals.errors", equalTo(0))
                    .body("rows.outcome", equalTo(List.of("updated", "updated", "created")));
        }
        api().queryParam("program", program).queryParam("sort", "id").get("/api/v1/pairings").then()
                .body("items.industrialCounty.code", equalTo(List.of("330105", "330106", "330102")))
                .body("items.mountainCounty.code", equalTo(List.of("330127", "330328", "330329")))
                .body("totalItems", equalTo(3));
        api().get("/api/v1/programs/{code}/counties", program).then()
                .body("industrial.code", hasItems("330102", "330105", "330106"))
                .body("mountain.code", hasItems("330127", "330328", "330329"));
    }

    @Test
    void theProgrammeTemplateOfAYearHasTheProjectsWithAStepInItAndTheActivitiesHeldInIt() {
        String program = Fixtures.program(List.of(Fixtures.NANHU), List.of(Fixtures.SUICHANG));
        long pairing = Fixtures.pairing(program, Fixtures.NANHU, Fixtures.SUICHANG);
        long signedIn2024 = records.project(pairing, "PROJECT_COOP", new BigDecimal("1000000"), null, null,
                "2023-11-20", CooperationRecords.step(ProjectStatus.SIGNED, "2024-01-01"));
        long plannedIn2024 = records.project(pairing, "CHAIN_COLLAB", new BigDecimal("1000000"), null, null,
                "2024-12-31");
        records.project(pairing, "ORDERLY_TRANSFER", new BigDecimal("1000000"), null, null, "2023-12-31",
                CooperationRecords.step(ProjectStatus.SIGNED, "2025-01-01"));
        long heldIn2024 = records.activity(pairing, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2024-12-31", 20,
                null, null);
        records.activity(pairing, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2023-12-31", 20, null, null);
        records.activity(pairing, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2025-01-01", 20, null, null);

        Map<String, List<List<Object>>> read = Workbooks.read(api().accept(XLSX)
                .get("/api/v1/programs/{code}/years/2024/template", program).then().statusCode(200).extract()
                .asByteArray());
        assertEquals(List.of(signedIn2024, plannedIn2024), read.get("projects").stream().skip(1)
                .map(r -> ((BigDecimal) r.get(0)).longValueExact()).toList());
        assertEquals(List.of(heldIn2024), read.get("activities").stream().skip(1)
                .map(r -> ((BigDecimal) r.get(0)).longValueExact()).toList());
    }

    /** A row of cells, nulls kept. */
    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    private static void set(List<Object> row, int column, Object value) {
        while (row.size() <= column) {
            row.add(null);
        }
        row.set(column, value);
    }

    /** An error without its message, for comparing the rest. */
    private static Map<String, Object> without(Map<String, Object> error) {
        Map<String, Object> rest = new LinkedHashMap<>(error);
        rest.remove("message");
        return rest;
    }

    /** The XML of the worksheet named {@code name} (the template writes them in order: sheet1, sheet2, ...). */
    private static String sheetXml(byte[] xlsx, String name) {
        List<String> order = List.of("targets", "actuals", "projects", "activities", "parks", "indicators", "lists");
        String part = "xl/worksheets/sheet" + (order.indexOf(name) + 1) + ".xml";
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get()) {
            ZipArchiveEntry entry = zip.getEntry(part);
            if (entry != null) {
                return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no part " + part);
    }
}
