package org.tandem.spreadsheet;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;
import static org.tandem.support.Api.as;
import static org.tandem.support.Numbers.numberEqualTo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;
import org.tandem.support.Workbooks;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The must-show of spreadsheet imports, over HTTP: a county editor downloads a pair-year's template, fills it in
 * with a few wrong cells, dry-runs it (every error named by its cell, nothing changed), corrects it, imports it,
 * sees the values through the JSON API, the progress and the audit trail, and imports it again: nothing changes.
 */
@QuarkusTest
class ImportTemplateRoundTripTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String LEAN = "LEAN_BENCHMARK_PROJECTS";
    static final String LEADS = "INVESTMENT_LEADS_SHARED";
    static final String SUPPLY = "SUPPLY_CONTRACTS_VALUE";
    static final String LAND = "LAND_QUOTA_MU";
    static final String RELOCATED = "ENTERPRISES_RELOCATED";
    static final String DAYS = "LAND_APPROVAL_DAYS";
    static final String SIGNED = "PROJECTS_SIGNED";

    static RequestSpecification editor(String username) {
        return as(username, Fixtures.PASSWORD);
    }

    static JsonPath upload(RequestSpecification who, byte[] file, String kind, boolean dryRun, int status) {
        return who.contentType("multipart/form-data").multiPart("file", "pair-year.xlsx", file, XLSX)
                .queryParam("kind", kind).queryParam("dryRun", dryRun).post("/api/v1/imports").then().log().ifValidationFails()
                .statusCode(status).extract().jsonPath();
    }

    @Test
    void aTemplateFilledInDryRunCorrectedImportedAndImportedAgain() {
        long pairing = Fixtures.yiwuLiandu();
        String clerk = Fixtures.user("county-editor", Fixtures.YIWU);
        String base = "/api/v1/pairings/" + pairing + "/years/2024";
        api().body(Map.of("items", List.of(Map.of("indicator", LEAN, "value", 10)))).put(base + "/targets").then()
                .statusCode(200);

        // The template, pre-filled with what is there.
        byte[] template = editor(clerk).accept(XLSX).get(base + "/template").then().statusCode(200)
                .contentType(XLSX).header("Content-Disposition", containsString("_" + pairing + "_2024_template.xlsx"))
                .extract().asByteArray();
        Map<String, List<List<Object>>> book = Workbooks.read(template);
        assertEquals(List.of("targets", "actuals", "projects", "activities", "parks", "indicators", "lists"),
                new ArrayList<>(book.keySet()));
        List<List<Object>> targets = book.get("targets");
        List<List<Object>> actuals = book.get("actuals");
        assertEquals(Arrays.asList("键", "结对编号", "年度", "指标代码", "指标名称", "单位", "数值"), targets.get(0));
        List<Object> lean = Workbooks.rowOf(targets, LEAN);
        assertEquals(pairing + "/2024/" + LEAN, lean.get(0));
        assertEquals(0, new BigDecimal(pairing).compareTo((BigDecimal) lean.get(1)));
        assertEquals(0, BigDecimal.TEN.compareTo((BigDecimal) lean.get(6)));
        assertTrue(targets.stream().anyMatch(row -> SIGNED.equals(row.get(3))), "a DERIVED indicator takes a target");
        assertTrue(actuals.stream().noneMatch(row -> SIGNED.equals(row.get(3))), "but no actual");
        List<Object> signed = book.get("indicators").stream().filter(row -> SIGNED.equals(row.get(0))).findFirst()
                .orElseThrow();
        assertEquals("DERIVED", signed.get(4));
        assertTrue(signed.get(5).toString().startsWith("只读"));

        // Filled in, with a few wrong cells.
        Workbooks.setValue(Workbooks.rowOf(targets, LEAN), 12);
        Workbooks.setValue(Workbooks.rowOf(targets, LEADS), "１５");
        Workbooks.setValue(Workbooks.rowOf(targets, SUPPLY), "三百万");
        Workbooks.setValue(Workbooks.rowOf(targets, LAND), new Workbooks.Formula("20*3"));
        Workbooks.setValue(Workbooks.rowOf(targets, RELOCATED), -2);
        Workbooks.setValue(Workbooks.rowOf(actuals, LEAN), 7);
        Workbooks.setValue(Workbooks.rowOf(actuals, DAYS), "45");
        List<Object> derived = new ArrayList<>(Arrays.asList("", pairing, 2024, SIGNED, null, null, 3));
        actuals.add(derived);
        int supplyRow = targets.indexOf(Workbooks.rowOf(targets, SUPPLY)) + 1;
        int landRow = targets.indexOf(Workbooks.rowOf(targets, LAND)) + 1;
        int relocatedRow = targets.indexOf(Workbooks.rowOf(targets, RELOCATED)) + 1;
        byte[] wrong = Workbooks.write(book);

        int eventsBefore = api().get("/api/v1/audit-events").then().extract().jsonPath().getInt("totalItems");
        JsonPath dry = upload(editor(clerk), wrong, "targets", true, 200);
        assertNull(dry.get("id"));
        assertEquals(true, dry.getBoolean("dryRun"));
        assertEquals(3, dry.getInt("totals.errors"));
        assertEquals(targets.size() - 1, dry.getInt("totals.rows"));
        assertEquals(1, dry.getInt("totals.created"), "LEADS (full-width digits, normalised)");
        assertEquals(1, dry.getInt("totals.updated"), "LEAN 10 → 12");
        assertEquals(Map.of("field", "value", "code", "not-a-number", "sheet", "targets", "row", supplyRow, "column",
                "G", "value", "三百万", "message", "“三百万”不是数字，请只填写数字（如 12.5），不要带单位或文字。"),
                dry.getMap("errors.find { it.code == 'not-a-number' }"));
        assertEquals(landRow, dry.getInt("errors.find { it.code == 'formula' }.row"));
        assertEquals("G", dry.getString("errors.find { it.code == 'formula' }.column"));
        assertEquals("=20*3", dry.getString("errors.find { it.code == 'formula' }.value"));
        assertEquals(relocatedRow, dry.getInt("errors.find { it.code == 'negative-value' }.row"));
        assertEquals("-2", dry.getString("errors.find { it.code == 'negative-value' }.value"));
        assertEquals(dry.getList("errors.row").stream().sorted().toList(), dry.getList("errors.row"),
                "errors in sheet order");
        assertEquals("error", dry.getString("rows.find { it.row == " + supplyRow + " }.outcome"));
        assertEquals("updated", dry.getString("rows.find { it.key == '" + pairing + "/2024/" + LEAN + "' }.outcome"));

        JsonPath dryActuals = upload(editor(clerk), wrong, "actuals", true, 200);
        assertEquals(1, dryActuals.getInt("totals.errors"));
        assertEquals("derived-indicator", dryActuals.getString("errors[0].code"));
        assertEquals("D", dryActuals.getString("errors[0].column"));
        assertEquals(actuals.size(), dryActuals.getInt("errors[0].row"));

        // Without a dry run the same file is refused whole, every error listed, in English when asked.
        editor(clerk).header("Accept-Language", "en").contentType(XLSX).body(wrong).queryParam("kind", "targets")
                .post("/api/v1/imports").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-rows")).body("errors", hasSize(3))
                .body("errors.code", hasItems("not-a-number", "formula", "negative-value"))
                .body("errors.find { it.code == 'not-a-number' }.message",
                        equalTo("\"三百万\" is not a number: enter digits only (like 12.5), without units or words."));
        api().get(base + "/targets").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].value", numberEqualTo(10));
        api().get(base + "/actuals").then().body("items", hasSize(0));
        api().get(base + "/history").then().body("totalItems", equalTo(1));
        api().get("/api/v1/audit-events").then().body("totalItems", equalTo(eventsBefore));

        // Corrected, imported.
        Workbooks.setValue(Workbooks.rowOf(targets, SUPPLY), 3000000);
        Workbooks.setValue(Workbooks.rowOf(targets, LAND), 60);
        Workbooks.setValue(Workbooks.rowOf(targets, RELOCATED), 2);
        actuals.remove(derived);
        byte[] right = Workbooks.write(book);
        JsonPath imported = upload(editor(clerk), right, "targets", false, 201);
        long id = imported.getLong("id");
        assertEquals(4, imported.getInt("totals.created"));
        assertEquals(1, imported.getInt("totals.updated"));
        assertEquals(0, imported.getInt("totals.errors"));
        assertEquals(List.of(), imported.getList("errors"));
        long actualsImport = editor(clerk).contentType(XLSX).body(right).queryParam("kind", "actuals")
                .queryParam("fileName", "pair-year.xlsx").post("/api/v1/imports").then().statusCode(201)
                .header("Location", containsString("/api/v1/imports/")).body("totals.created", equalTo(2))
                .extract().jsonPath().getLong("id");

        // The same values through the JSON API, the progress and the audit trail.
        api().get(base + "/targets").then().statusCode(200).body("items", hasSize(5))
                .body("items.find { it.indicator == '" + LEAN + "' }.value", numberEqualTo(12))
                .body("items.find { it.indicator == '" + LEADS + "' }.value", numberEqualTo(15))
                .body("items.find { it.indicator == '" + SUPPLY + "' }.value", numberEqualTo(3000000))
                .body("items.find { it.indicator == '" + LAND + "' }.value", numberEqualTo(60));
        api().get(base + "/actuals").then().body("items", hasSize(2))
                .body("items.find { it.indicator == '" + DAYS + "' }.value", numberEqualTo(45));
        api().get(base + "/progress").then().statusCode(200)
                .body("indicators.find { it.indicator == '" + LEAN + "' }.target", numberEqualTo(12))
                .body("indicators.find { it.indicator == '" + LEAN + "' }.actual", numberEqualTo(7))
                .body("indicators.find { it.indicator == '" + LEAN + "' }.completion", numberEqualTo(new BigDecimal("0.5833")));
        editor(clerk).get("/api/v1/imports/{id}", id).then().statusCode(200).body("kind", equalTo("targets"))
                .body("fileName", equalTo("pair-year.xlsx")).body("actor", equalTo(clerk))
                .body("sha256", equalTo(Imports.sha256(right))).body("totals.created", equalTo(4))
                .body("totals.updated", equalTo(1)).body("auditContext", equalTo("import:" + id));
        JsonPath trail = api().queryParam("context", "import:" + id).queryParam("size", 100)
                .get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath();
        assertTrue(trail.getList("items.entityType").containsAll(List.of("ImportRecord", "IndicatorValue")));
        assertEquals(List.of(clerk), trail.getList("items.actor").stream().distinct().toList());
        assertEquals(4 + 1, trail.getList("items.findAll { it.entityType == 'IndicatorValue' }").size());
        api().queryParam("context", "import:" + actualsImport).get("/api/v1/audit-events").then()
                .body("items.entityType", hasItem("IndicatorValue"));
        int events = api().get("/api/v1/audit-events").then().extract().jsonPath().getInt("totalItems");
        int history = api().get(base + "/history").then().extract().jsonPath().getInt("totalItems");

        // Again: nothing changes, no record, no audit event.
        JsonPath again = upload(editor(clerk), right, "targets", false, 200);
        assertNull(again.get("id"));
        assertEquals(targets.size() - 1, again.getInt("totals.unchanged"));
        assertEquals(0, again.getInt("totals.created") + again.getInt("totals.updated"));
        upload(editor(clerk), right, "actuals", false, 200);
        api().get("/api/v1/audit-events").then().body("totalItems", equalTo(events));
        api().get(base + "/history").then().body("totalItems", equalTo(history));
    }

    @Test
    void anotherCountysEditorGetsNoTemplateAndNoImportRecordOfOthers() {
        long pairing = Fixtures.yiwuLiandu();
        String stranger = Fixtures.user("county-editor", Fixtures.SUICHANG);
        editor(stranger).accept(XLSX).get("/api/v1/pairings/{id}/years/2024/template", pairing).then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-your-pairing"));
        String clerk = Fixtures.user("county-editor", Fixtures.LIANDU);
        byte[] template = editor(clerk).accept(XLSX).header("Accept-Language", "en")
                .get("/api/v1/pairings/{id}/years/2024/template", pairing).then().statusCode(200).extract()
                .asByteArray();
        Map<String, List<List<Object>>> book = Workbooks.read(template);
        assertEquals(Arrays.asList("key", "pairing", "year", "indicator", "name", "unit", "value"),
                book.get("targets").get(0));
        Workbooks.setValue(Workbooks.rowOf(book.get("targets"), LEAN), 4);
        long id = upload(editor(clerk), Workbooks.write(book), "targets", false, 201).getLong("id");
        editor(stranger).get("/api/v1/imports/{id}", id).then().statusCode(404);
        api().get("/api/v1/imports/{id}", id).then().statusCode(200).body("actor", equalTo(clerk));
        api().get("/api/v1/imports/{id}", Long.MAX_VALUE).then().statusCode(404);
    }
}
