package org.tandem.funding;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.HANGZHOU_XIHU;
import static org.tandem.support.Fixtures.JINGNING;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.assessment.AnnualAssessmentTest;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;
import org.tandem.support.Statements;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The money over HTTP against the real database: a rule, a finalized year, the allocation computed and approved,
 * disbursed in two tranches, a clawback from the failed pair, a correction; the balances and the programme summary
 * agree with the sums this test makes of the entries it wrote.
 */
@QuarkusTest
class FundingTest {

    /** A programme-year whose pairs are assessed and finalized: pairing id by its assessment's result. */
    record FinalizedYear(String program, List<Long> pairings, Map<Long, Long> assessmentOf) {
    }

    static Map<String, Object> terms(String total, boolean failedKeepsBase) {
        Map<String, Object> terms = new HashMap<>(Map.of("total", new BigDecimal(total), "basePercent", 40,
                "gradeCoefficients", List.of(Map.of("grade", "EXCELLENT", "coefficient", 1.5),
                        Map.of("grade", "GOOD", "coefficient", 1.2), Map.of("grade", "PASS", "coefficient", 1),
                        Map.of("grade", "FAIL", "coefficient", 0)),
                "failedKeepsBase", failedKeepsBase, "clawbackPercent", 100));
        return terms;
    }

    static long publishedRule(String program, Map<String, Object> terms) {
        long id = api().body(Map.of("name", "测试分配规则", "terms", terms))
                .post("/api/v1/programs/{code}/years/2024/allocation-rules", program).then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().jsonPath().getLong("id");
        api().post("/api/v1/allocation-rules/{id}/publish", id).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        return id;
    }

    static void values(long pairing, String kind, int supply, int leads) {
        api().body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", supply),
                Map.of("indicator", "INVESTMENT_LEADS_SHARED", "value", leads))))
                .put("/api/v1/pairings/{id}/years/2024/" + kind, pairing).then().statusCode(200);
    }

    /** Pairs with these actuals (of targets 100 and 100), assessed in 2024 and, unless told, finalized. */
    static FinalizedYear year(List<String> industrial, List<String> mountain, int[][] actuals, boolean finalize) {
        String program = Fixtures.program(industrial, mountain);
        List<Long> pairings = new ArrayList<>();
        for (int i = 0; i < actuals.length; i++) {
            long pairing = Fixtures.pairing(program, industrial.get(i), mountain.get(i));
            values(pairing, "targets", 100, 100);
            values(pairing, "actuals", actuals[i][0], actuals[i][1]);
            pairings.add(pairing);
        }
        AnnualAssessmentTest.publishedScheme(program, 2024);
        AnnualAssessmentTest.run(program);
        JsonPath ranking = api().queryParam("program", program).queryParam("year", 2024).queryParam("size", 500)
                .get("/api/v1/assessments").then().statusCode(200).extract().jsonPath();
        Map<Long, Long> assessmentOf = new HashMap<>();
        for (Map<String, Object> line : ranking.<Map<String, Object>> getList("items")) {
            long assessment = ((Number) line.get("id")).longValue();
            assessmentOf.put(((Number) line.get("pairing")).longValue(), assessment);
            if (finalize) {
                api().post("/api/v1/assessments/{id}/finalize", assessment).then().statusCode(200);
            }
        }
        return new FinalizedYear(program, pairings, assessmentOf);
    }

    static JsonPath entry(Map<String, Object> body, int status) {
        return api().body(body).post("/api/v1/ledger/entries").then().log().ifValidationFails().statusCode(status)
                .extract().jsonPath();
    }

    @Test
    void allocatedApprovedDisbursedClawedBackCorrectedAndSummed() {
        // A: 100 points (EXCELLENT), B: 70 (PASS), C: 20 (FAIL, below the pass mark).
        FinalizedYear year = year(List.of(YIWU, NANHU, HANGZHOU_XIHU), List.of(LIANDU, SUICHANG, JINGNING),
                new int[][] { { 100, 100 }, { 50, 100 }, { 20, 20 } }, true);
        String program = year.program();
        long a = year.pairings().get(0);
        long b = year.pairings().get(1);
        long c = year.pairings().get(2);
        long rule = publishedRule(program, terms("1000000.00", true));
        api().body(Map.of("name", "改", "terms", terms("1.00", true))).put("/api/v1/allocation-rules/{id}", rule)
                .then().statusCode(409).body("type", endsWith("/allocation-rule-published"));

        JsonPath allocation = api().body(Map.of()).post("/api/v1/programs/{code}/years/2024/allocations", program)
                .then().statusCode(201).header("Location", containsString("/api/v1/allocations/"))
                .body("status", equalTo("DRAFT")).body("rule", equalTo((int) rule))
                .body("total", comparesEqualTo(new BigDecimal("1000000.00")))
                .body("allocated", comparesEqualTo(new BigDecimal("1000000.00")))
                .body("reserve", comparesEqualTo(BigDecimal.ZERO))
                .body("breakdown.basePool", comparesEqualTo(new BigDecimal("400000.00")))
                .body("breakdown.baseEligible", equalTo(3)).body("breakdown.fenPlacedByRemainder", equalTo(1))
                .body("breakdown.lines", hasSize(3)).extract().jsonPath();
        // Base 400000 / 3 each; merit 600000 by 1.5 : 1 : 0. Every exact share ends in a third of a fen: the one fen
        // left goes to the highest score.
        Map<Long, BigDecimal> allocated = new LinkedHashMap<>();
        allocated.put(a, new BigDecimal("493333.34"));
        allocated.put(b, new BigDecimal("373333.33"));
        allocated.put(c, new BigDecimal("133333.33"));
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, Object> line : allocation.<Map<String, Object>> getList("breakdown.lines")) {
            long pairing = ((Number) line.get("pairing")).longValue();
            assertEquals(0, allocated.get(pairing).compareTo(new BigDecimal(line.get("amount").toString())), line.toString());
            sum = sum.add(new BigDecimal(line.get("amount").toString()));
        }
        assertEquals(0, new BigDecimal("1000000.00").compareTo(sum));
        assertEquals(true, allocation.getBoolean("breakdown.lines.find { it.pairing == " + a + " }.extraFen"));
        long allocationId = allocation.getLong("id");

        String etag = api().get("/api/v1/allocations/{id}", allocationId).then().statusCode(200).extract()
                .header("ETag");
        api().header("If-Match", "\"stale\"").post("/api/v1/allocations/{id}/approve", allocationId).then()
                .statusCode(412);
        api().header("If-Match", etag).post("/api/v1/allocations/{id}/approve", allocationId).then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        api().post("/api/v1/allocations/{id}/approve", allocationId).then().statusCode(409)
                .body("type", endsWith("/allocation-approved"));
        long second = api().body(Map.of("rule", rule)).post("/api/v1/programs/{code}/years/2024/allocations", program)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        api().post("/api/v1/allocations/{id}/approve", second).then().statusCode(409)
                .body("type", endsWith("/allocation-already-approved"));

        // Disbursed to A in two tranches, the first earmarked for a track; C's base share paid.
        long first = entry(Map.of("kind", "DISBURSEMENT", "pairing", a, "year", 2024, "amount", 300000,
                "paidOn", "2024-06-01", "reference", "浙财企〔2024〕1号", "track", "PROJECT_COOP"), 201)
                .getLong("id");
        long tranche = entry(Map.of("kind", "DISBURSEMENT", "pairing", a, "year", 2024, "amount", new BigDecimal("193333.34"),
                "paidOn", "2024-11-01", "reference", "WRONG-REF"), 201).getLong("id");
        entry(Map.of("kind", "DISBURSEMENT", "pairing", c, "year", 2024, "amount", new BigDecimal("133333.33"),
                "paidOn", "2024-06-01", "reference", "浙财企〔2024〕2号"), 201);

        // Overpaying is refused, and nothing is written; an assessor cannot override; an admin can, with a reason.
        long before = entries(program);
        entry(Map.of("kind", "DISBURSEMENT", "pairing", a, "year", 2024, "amount", new BigDecimal("0.01"), "paidOn",
                "2024-12-01",
                "reference", "X"), 409).getString("type").endsWith("/overpayment");
        assertEquals(before, entries(program));
        String assessor = Fixtures.user("assessor", null);
        Api.as(assessor, Fixtures.PASSWORD).body(Map.of("kind", "DISBURSEMENT", "pairing", a, "year", 2024,
                "amount", new BigDecimal("0.01"), "paidOn", "2024-12-01", "reference", "X", "override", true, "reason", "急需"))
                .post("/api/v1/ledger/entries").then().statusCode(403).body("type", endsWith("/override-admin-only"));
        entry(Map.of("kind", "DISBURSEMENT", "pairing", a, "year", 2024, "amount", new BigDecimal("0.01"), "paidOn",
                "2024-12-01",
                "reference", "X", "override", true), 400).getString("errors[0].field").equals("reason");
        assertEquals(before, entries(program));

        // A clawback needs the failed pair's assessment: refused for A, which passed; C's base share comes back.
        entry(Map.of("kind", "CLAWBACK", "pairing", a, "year", 2024, "assessment", year.assessmentOf().get(a),
                "reason", "x"), 409);
        entry(Map.of("kind", "CLAWBACK", "pairing", c, "year", 2024, "assessment", year.assessmentOf().get(a),
                "reason", "x"), 400);
        JsonPath clawback = entry(Map.of("kind", "CLAWBACK", "pairing", c, "year", 2024, "assessment",
                year.assessmentOf().get(c), "reason", "年度考核不合格，收回基础份额"), 201);
        assertEquals(0, new BigDecimal("133333.33").compareTo(new BigDecimal(clawback.getString("amount"))));
        entry(Map.of("kind", "CLAWBACK", "pairing", c, "year", 2024, "assessment", year.assessmentOf().get(c),
                "reason", "again"), 409);

        // The second tranche had a wrong reference: reversed, then paid again. A correction is never reversed, and an
        // entry is reversed once.
        JsonPath correction = entry(Map.of("kind", "CORRECTION", "reverses", tranche, "reason", "凭证号错误"), 201);
        assertEquals(0, new BigDecimal("-193333.34").compareTo(new BigDecimal(correction.getString("amount"))));
        assertEquals("DISBURSEMENT", correction.getString("effect"));
        entry(Map.of("kind", "CORRECTION", "reverses", tranche, "reason", "again"), 409);
        entry(Map.of("kind", "CORRECTION", "reverses", correction.getLong("id"), "reason", "again"), 409);
        // The reversed entry names its correction, read alone and in the ledger; nothing reverses the correction.
        int correctionId = correction.getInt("id");
        assertNull(correction.get("reversedBy"));
        api().get("/api/v1/ledger/entries/{id}", tranche).then().statusCode(200)
                .body("reversedBy", equalTo(correctionId));
        JsonPath listed = api().queryParam("program", program).queryParam("size", 100).get("/api/v1/ledger").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(correctionId, listed.getInt("items.find { it.id == " + tranche + " }.reversedBy"));
        assertEquals(List.of(correctionId), listed.getList("items.findAll { it.reversedBy != null }.reversedBy"));
        entry(Map.of("kind", "DISBURSEMENT", "pairing", a, "year", 2024, "amount", new BigDecimal("193333.34"),
                "paidOn", "2024-11-02", "reference", "浙财企〔2024〕3号"), 201);
        api().get("/api/v1/ledger/entries/{id}", first).then().statusCode(200).body("track", equalTo("PROJECT_COOP"))
                .body("reference", equalTo("浙财企〔2024〕1号"));

        // Every entry is audited.
        api().queryParam("entityType", "LedgerEntry").queryParam("entityId", correction.getLong("id"))
                .get("/api/v1/audit-events").then().statusCode(200).body("items.action", equalTo(List.of("CREATE")));

        // The sums made here from the entries equal the balances and the summary.
        List<Map<String, Object>> all = api().queryParam("program", program).queryParam("size", 500)
                .get("/api/v1/ledger").then().statusCode(200).body("totalItems", equalTo(9)).extract().jsonPath()
                .getList("items");
        Map<String, Map<String, BigDecimal>> byPairing = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new HashMap<>();
        for (Map<String, Object> e : all) {
            BigDecimal amount = new BigDecimal(e.get("amount").toString());
            byPairing.computeIfAbsent(e.get("pairing").toString(), k -> new HashMap<>())
                    .merge((String) e.get("effect"), amount, BigDecimal::add);
            totals.merge((String) e.get("effect"), amount, BigDecimal::add);
        }
        JsonPath balances = api().queryParam("program", program).queryParam("groupBy", "pairing")
                .get("/api/v1/ledger/balances").then().statusCode(200).body("items", hasSize(3)).extract().jsonPath();
        for (Map.Entry<String, Map<String, BigDecimal>> pair : byPairing.entrySet()) {
            String at = "items.find { it.key == '" + pair.getKey() + "' }.";
            assertBalance(balances, at, pair.getValue());
        }
        assertBalance(balances, "totals.", totals);
        assertEquals(0, new BigDecimal("-133333.33").compareTo(
                new BigDecimal(balances.getString("items.find { it.key == '" + c + "' }.balance"))),
                "C owes its base share back");
        assertEquals(0, BigDecimal.ZERO.compareTo(
                new BigDecimal(balances.getString("items.find { it.key == '" + a + "' }.balance"))), "A is paid in full");
        api().queryParam("program", program).queryParam("groupBy", "track").get("/api/v1/ledger/balances").then()
                .statusCode(200).body("items.find { it.key == 'PROJECT_COOP' }.disbursed",
                        comparesEqualTo(new BigDecimal("300000.00")));
        JsonPath byYear = api().queryParam("program", program).queryParam("groupBy", "year")
                .get("/api/v1/ledger/balances").then().statusCode(200).body("items", hasSize(1)).extract().jsonPath();
        assertBalance(byYear, "items[0].", totals);
        api().queryParam("program", program).queryParam("groupBy", "county").get("/api/v1/ledger/balances").then()
                .statusCode(200).body("items", hasSize(6));

        JsonPath summary = api().queryParam("year", 2024).get("/api/v1/programs/{code}/summary", program).then()
                .statusCode(200).extract().jsonPath();
        assertBalance(summary, "groups[0].years[0].funding.", totals);
        JsonPath perPair = api().queryParam("year", 2024).queryParam("groupBy", "pairing")
                .get("/api/v1/programs/{code}/summary", program).then().statusCode(200).extract().jsonPath();
        for (Map.Entry<String, Map<String, BigDecimal>> pair : byPairing.entrySet()) {
            assertBalance(perPair, "groups.find { it.key == '" + pair.getKey() + "' }.years[0].funding.",
                    pair.getValue());
        }

        // Exports carry every entry, in UTF-8.
        String csv = new String(api().queryParam("program", program).queryParam("format", "csv").get("/api/v1/ledger").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("浙财企〔2024〕1号"), csv);
        assertEquals(10, csv.strip().split("\r?\n").length, csv);
        api().queryParam("program", program).queryParam("format", "xlsx").get("/api/v1/ledger/balances").then()
                .statusCode(200).header("Content-Disposition", containsString("balances"));

        // A county editor of Liandu reads only A's entries and balances, and writes none.
        String editor = Fixtures.user("county-editor", LIANDU);
        Api.as(editor, Fixtures.PASSWORD).queryParam("program", program).get("/api/v1/ledger").then().statusCode(200)
                .body("items.pairing", everyItem(equalTo((int) a)));
        Api.as(editor, Fixtures.PASSWORD).get("/api/v1/ledger/entries/{id}", correction.getLong("id")).then()
                .statusCode(200);
        long ofC = all.stream().filter(e -> ((Number) e.get("pairing")).longValue() == c).findFirst()
                .map(e -> ((Number) e.get("id")).longValue()).orElseThrow();
        Api.as(editor, Fixtures.PASSWORD).get("/api/v1/ledger/entries/{id}", ofC).then().statusCode(403);
        Api.as(editor, Fixtures.PASSWORD).queryParam("program", program).get("/api/v1/ledger/balances").then()
                .statusCode(200).body("items.key", equalTo(List.of(Long.toString(a))));
        Api.as(editor, Fixtures.PASSWORD).get("/api/v1/allocations/{id}", allocationId).then().statusCode(200)
                .body("breakdown.lines.pairing", equalTo(List.of((int) a)));
        Api.as(editor, Fixtures.PASSWORD).body(Map.of("kind", "DISBURSEMENT", "pairing", a, "year", 2024, "amount",
                1, "paidOn", "2024-12-01", "reference", "X")).post("/api/v1/ledger/entries").then().statusCode(403);

        // An admin's override, with its reason, is recorded as such.
        entry(Map.of("kind", "DISBURSEMENT", "pairing", a, "year", 2024, "amount", new BigDecimal("0.01"), "paidOn",
                "2024-12-01",
                "reference", "X", "override", true, "reason", "经批准预拨"), 201).getBoolean("override");
    }

    private static long entries(String program) {
        return api().queryParam("program", program).get("/api/v1/ledger").then().statusCode(200).extract()
                .jsonPath().getLong("totalItems");
    }

    private static void assertBalance(JsonPath json, String at, Map<String, BigDecimal> sums) {
        BigDecimal allocated = sums.getOrDefault("ALLOCATION", BigDecimal.ZERO);
        BigDecimal disbursed = sums.getOrDefault("DISBURSEMENT", BigDecimal.ZERO);
        BigDecimal clawedBack = sums.getOrDefault("CLAWBACK", BigDecimal.ZERO);
        assertEquals(0, allocated.compareTo(new BigDecimal(json.getString(at + "allocated"))), at + "allocated");
        assertEquals(0, disbursed.compareTo(new BigDecimal(json.getString(at + "disbursed"))), at + "disbursed");
        assertEquals(0, clawedBack.compareTo(new BigDecimal(json.getString(at + "clawedBack"))), at + "clawedBack");
        assertEquals(0, allocated.subtract(clawedBack).subtract(disbursed)
                .compareTo(new BigDecimal(json.getString(at + "balance"))), at + "balance");
    }

    @Test
    void eighteenPairsShareOnePointEightBillionToTheFen() {
        List<String> industrial = List.of("330102", "330105", "330106", "330108", "330109", "330110", "330111",
                "330112", "330113", "330114", "330122", "330182", "330203", "330205", "330206", "330211", "330212",
                "330213");
        List<String> mountain = List.of("330127", "330324", "330326", "330327", "330328", "330329", "330723",
                "330727", "330802", "330803", "330822", "330824", "330825", "330881", "331022", "331023", "331024",
                "331102");
        int[][] actuals = new int[18][];
        for (int i = 0; i < 18; i++) {
            actuals[i] = new int[] { 100 - i * 4, 100 - i * 3 };
        }
        FinalizedYear year = year(industrial, mountain, actuals, true);
        Map<String, Object> terms = terms("1800000000.00", false);
        terms.put("mountainPercent", 60);
        publishedRule(year.program(), terms);
        JsonPath allocation = api().body(Map.of()).post("/api/v1/programs/{code}/years/2024/allocations",
                year.program()).then().statusCode(201).body("breakdown.lines", hasSize(18)).extract().jsonPath();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, Object> line : allocation.<Map<String, Object>> getList("breakdown.lines")) {
            BigDecimal amount = new BigDecimal(line.get("amount").toString());
            assertTrue(amount.scale() <= 2, line.toString());
            assertEquals(0, amount.compareTo(new BigDecimal(line.get("industrialAmount").toString())
                    .add(new BigDecimal(line.get("mountainAmount").toString()))), line.toString());
            sum = sum.add(amount);
        }
        assertEquals(0, new BigDecimal("1800000000.00").compareTo(sum.add(new BigDecimal(allocation.getString("reserve")))));
        assertEquals(0, new BigDecimal("1800000000.00").compareTo(sum), "nothing in reserve: " + sum);
        long id = allocation.getLong("id");
        api().post("/api/v1/allocations/{id}/approve", id).then().statusCode(200);
        api().queryParam("program", year.program()).queryParam("year", 2024).get("/api/v1/ledger/balances").then()
                .statusCode(200).body("totals.allocated", comparesEqualTo(new BigDecimal("1800000000.00")));
    }

    @Test
    void anAllocationNeedsEveryAssessmentFinalizedAndAPublishedRule() {
        FinalizedYear year = year(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG),
                new int[][] { { 100, 100 }, { 50, 50 } }, false);
        String program = year.program();
        api().body(Map.of()).post("/api/v1/programs/{code}/years/2024/allocations", program).then().statusCode(409)
                .body("type", endsWith("/no-published-allocation-rule"));
        long draft = api().body(Map.of("name", "草稿", "terms", terms("100.00", false)))
                .post("/api/v1/programs/{code}/years/2024/allocation-rules", program).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        api().body(Map.of("rule", draft)).post("/api/v1/programs/{code}/years/2024/allocations", program).then()
                .statusCode(409).body("type", endsWith("/allocation-rule-not-published"));
        long full = publishedRule(program, terms("100.00", false));
        api().body(Map.of()).post("/api/v1/programs/{code}/years/2024/allocations", program).then().statusCode(409)
                .body("type", endsWith("/assessments-not-finalized"));
        api().queryParam("program", program).get("/api/v1/ledger").then().body("totalItems", equalTo(0));
        // A rule without a coefficient for a grade the assessments have.
        Map<String, Object> partial = terms("100.00", false);
        partial.put("gradeCoefficients", List.of(Map.of("grade", "EXCELLENT", "coefficient", 1)));
        year.assessmentOf().values().forEach(id -> api().post("/api/v1/assessments/{id}/finalize", id).then()
                .statusCode(200));
        long narrow = publishedRule(program, partial);
        api().body(Map.of("rule", narrow)).post("/api/v1/programs/{code}/years/2024/allocations", program).then()
                .statusCode(409).body("type", endsWith("/grade-without-coefficient"));
        // Reopening an assessment after computing makes the draft stale.
        long ok = api().body(Map.of("rule", full)).post("/api/v1/programs/{code}/years/2024/allocations", program).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        api().body(Map.of("reason", "更正")).post("/api/v1/assessments/{id}/reopen",
                year.assessmentOf().get(year.pairings().get(0))).then().statusCode(200);
        api().post("/api/v1/allocations/{id}/approve", ok).then().statusCode(409)
                .body("type", endsWith("/allocation-stale"));
    }

    @Test
    void badInputIsA400ProblemAndChangesNothing() {
        FinalizedYear year = year(List.of(YIWU), List.of(LIANDU), new int[][] { { 100, 100 } }, true);
        String program = year.program();
        long pairing = year.pairings().get(0);
        String rules = "/api/v1/programs/{code}/years/2024/allocation-rules";
        Map<String, Object> twice = terms("100.00", false);
        twice.put("gradeCoefficients", List.of(Map.of("grade", "PASS", "coefficient", 1),
                Map.of("grade", "PASS", "coefficient", 2)));
        api().body(Map.of("name", "x", "terms", twice)).post(rules, program).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", containsString("gradeCoefficients"));
        Map<String, Object> percent = terms("100.00", false);
        percent.put("basePercent", 101);
        api().body(Map.of("name", "x", "terms", percent)).post(rules, program).then().statusCode(400);
        api().body(Map.of("name", "x", "terms", terms("100.001", false))).post(rules, program).then().statusCode(400);
        api().body(Map.of("name", "x", "terms", terms("100.00", false)))
                .post("/api/v1/programs/{code}/years/2031/allocation-rules", program).then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        api().body("{\"name\": ").post(rules, program).then().statusCode(400).contentType("application/problem+json");
        api().queryParam("size", 500).get(rules, program).then().statusCode(200).body("totalItems", equalTo(0));

        entry(Map.of("kind", "NOPE"), 400);
        entry(Map.of("kind", "ALLOCATION", "pairing", pairing, "year", 2024, "amount", 1), 400);
        JsonPath missing = entry(Map.of("kind", "DISBURSEMENT", "pairing", pairing), 400);
        assertTrue(missing.getList("errors.field").containsAll(List.of("year", "amount", "paidOn", "reference")));
        entry(Map.of("kind", "DISBURSEMENT", "pairing", pairing, "year", 2024, "amount", new BigDecimal("1.001"), "paidOn",
                "2024-01-01", "reference", "X"), 400);
        entry(Map.of("kind", "DISBURSEMENT", "pairing", pairing, "year", 2024, "amount", -5, "paidOn",
                "2024-01-01", "reference", "X"), 400);
        entry(Map.of("kind", "DISBURSEMENT", "pairing", pairing, "year", 2024, "amount", 5, "paidOn",
                "not-a-date", "reference", "X"), 400);
        entry(Map.of("kind", "DISBURSEMENT", "pairing", Long.MAX_VALUE, "year", 2024, "amount", 5, "paidOn",
                "2024-01-01", "reference", "X"), 400);
        entry(Map.of("kind", "DISBURSEMENT", "pairing", pairing, "year", 2024, "amount", 5, "paidOn",
                "2024-01-01", "reference", "X", "track", "NOPE"), 400);
        entry(Map.of("kind", "CORRECTION", "reverses", Long.MAX_VALUE, "reason", "x"), 400);
        api().queryParam("program", program).get("/api/v1/ledger").then().body("totalItems", equalTo(0));

        api().get("/api/v1/ledger/balances").then().statusCode(400).contentType("application/problem+json");
        api().queryParam("program", program).queryParam("groupBy", "city").get("/api/v1/ledger/balances").then()
                .statusCode(400);
        api().queryParam("program", "NO-SUCH").get("/api/v1/ledger/balances").then().statusCode(400);
        api().queryParam("kind", "NOPE").get("/api/v1/ledger").then().statusCode(400);
        api().get("/api/v1/allocations/{id}", Long.MAX_VALUE).then().statusCode(404);
        api().get("/api/v1/allocation-rules/{id}", Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void theShippedExampleRuleIsADraftMarkedAsExample() {
        api().get("/api/v1/programs/{code}/years/2023/allocation-rules", "ZJ-MFG-2023").then().statusCode(200)
                .body("items.find { it.number == 1 }.example", equalTo(true))
                .body("items.find { it.number == 1 }.status", equalTo("DRAFT"))
                .body("items.find { it.number == 1 }.terms.total", comparesEqualTo(new BigDecimal("1800000000")));
    }

    @Test
    void readingTheLedgerAndBalancesTakesAFixedNumberOfStatements() {
        FinalizedYear year = year(List.of(YIWU, NANHU, HANGZHOU_XIHU), List.of(LIANDU, SUICHANG, JINGNING),
                new int[][] { { 100, 100 }, { 80, 80 }, { 60, 70 } }, true);
        publishedRule(year.program(), terms("3000.00", true));
        long id = api().body(Map.of()).post("/api/v1/programs/{code}/years/2024/allocations", year.program()).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        api().post("/api/v1/allocations/{id}/approve", id).then().statusCode(200);
        for (long pairing : year.pairings()) {
            entry(Map.of("kind", "DISBURSEMENT", "pairing", pairing, "year", 2024, "amount", 10, "paidOn",
                    "2024-06-01", "reference", "R" + pairing), 201);
        }
        long one = Statements.of(() -> api().queryParam("program", year.program()).queryParam("size", 1)
                .get("/api/v1/ledger").then().statusCode(200).body("items", hasSize(1)));
        long six = Statements.of(() -> api().queryParam("program", year.program()).queryParam("size", 6)
                .get("/api/v1/ledger").then().statusCode(200).body("items", hasSize(6)));
        assertEquals(one, six, "a page of 1 and of 6 entries");
        long balances = Statements.of(() -> api().queryParam("program", year.program())
                .get("/api/v1/ledger/balances").then().statusCode(200).body("items", hasSize(3)));
        assertTrue(balances <= 6, "balances: " + balances);
        long allocations = Statements.of(() -> api().queryParam("size", 10)
                .get("/api/v1/programs/{code}/years/2024/allocations", year.program()).then().statusCode(200));
        assertTrue(allocations <= 6, "allocations: " + allocations);
    }
}
