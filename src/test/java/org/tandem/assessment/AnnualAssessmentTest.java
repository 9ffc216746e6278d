package org.tandem.assessment;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.CHUNAN;
import static org.tandem.support.Fixtures.JINGNING;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;
import org.tandem.support.MigrationDatabase;
import org.tandem.support.RowLocks;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
public class AnnualAssessmentTest {

    static final String HANGZHOU_XIHU = Fixtures.HANGZHOU_XIHU;

    /** Two reported indicators of two tracks: 60 and 40 points, ratio capped at 1. */
    static Map<String, Object> rules() {
        return Map.of(
                "tracks", List.of(Map.of("track", "CHAIN_COLLAB", "weight", 60), Map.of("track", "INVEST_INFO", "weight", 40)),
                "indicators", List.of(
                        Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "points", 60, "function",
                                Map.of("type", "RATIO", "cap", 1)),
                        Map.of("indicator", "INVESTMENT_LEADS_SHARED", "points", 40, "function",
                                Map.of("type", "RATIO", "cap", 1))),
                "adjustmentItems", List.of(
                        Map.of("code", "JOINT_PARK", "kind", "BONUS", "label", "共建园区", "maxPoints", 2),
                        Map.of("code", "SAFETY", "kind", "VETO", "label", "重大安全事故", "maxPoints", 0)),
                "bonusCap", 5, "deductionCap", 5);
    }

    public static long publishedScheme(String program, int year) {
        long id = api().body(Map.of("program", program, "year", year, "name", "测试办法", "rules", rules()))
                .post("/api/v1/scoring-schemes").then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("number", equalTo(1)).extract().jsonPath().getLong("id");
        api().post("/api/v1/scoring-schemes/{id}/publish", id).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        return id;
    }

    static void values(long pairing, String kind, int supply, int leads) {
        api().body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", supply),
                Map.of("indicator", "INVESTMENT_LEADS_SHARED", "value", leads))))
                .put("/api/v1/pairings/{id}/years/2024/" + kind, pairing).then().statusCode(200);
    }

    public static JsonPath run(String program) {
        String location = api().body(Map.of("program", program, "year", 2024)).post("/api/v1/assessment-runs").then()
                .statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/v1/assessment-runs/"))
                .extract().header("Location");
        for (int i = 0; i < 200; i++) {
            JsonPath run = api().get(location).then().statusCode(200).extract().jsonPath();
            if (!run.getString("status").equals("RUNNING")) {
                assertEquals("SUCCEEDED", run.getString("status"));
                return run;
            }
            sleep(50);
        }
        return fail("the run did not finish in 10 s");
    }

    @Test
    void runsRanksFinalizesLocksAndReRunsWithoutTouchingFinalized() {
        String program = Fixtures.program(List.of(YIWU, NANHU, HANGZHOU_XIHU), List.of(LIANDU, SUICHANG, JINGNING));
        long a = Fixtures.pairing(program, YIWU, LIANDU);
        long b = Fixtures.pairing(program, NANHU, SUICHANG);
        long c = Fixtures.pairing(program, HANGZHOU_XIHU, JINGNING);
        publishedScheme(program, 2024);
        for (long pairing : List.of(a, b, c)) {
            values(pairing, "targets", 100, 100);
        }
        values(a, "actuals", 100, 100);
        values(b, "actuals", 50, 100);
        values(c, "actuals", 80, 50);

        run(program).getInt("pairingsAssessed");
        JsonPath ranking = api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments")
                .then().statusCode(200).body("items.pairing", contains((int) a, (int) b, (int) c))
                .body("items.rank", contains(1, 2, 3)).extract().jsonPath();
        List<BigDecimal> totals = List.of(new BigDecimal("100.0"), new BigDecimal("70.0"), new BigDecimal("68.0"));
        List<Long> pairings = List.of(a, b, c);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, totals.get(i).compareTo(new BigDecimal(ranking.getString("items[" + i + "].total"))));
            api().get("/api/v1/pairings/{id}/years/2024/score", pairings.get(i)).then().statusCode(200)
                    .body("result.total", comparesEqualTo(totals.get(i)));
        }
        long assessmentC = ranking.getLong("items[2].id");
        api().get("/api/v1/assessments/{id}", assessmentC).then().statusCode(200)
                .body("breakdown.indicators", hasSize(2)).body("breakdown.grade.code", equalTo("PASS"))
                .body("summary.gradeLabel", equalTo("合格"));

        String etag = api().get("/api/v1/assessments/{id}", assessmentC).then().statusCode(200).extract()
                .header("ETag");
        api().header("If-Match", "\"999\"").post("/api/v1/assessments/{id}/finalize", assessmentC).then()
                .statusCode(412);
        api().header("If-Match", etag).post("/api/v1/assessments/{id}/finalize", assessmentC).then().statusCode(200)
                .body("summary.status", equalTo("FINALIZED"));
        api().body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", 100))))
                .put("/api/v1/pairings/{id}/years/2024/actuals", c).then().statusCode(409)
                .body("type", endsWith("/locked-by-finalized-assessment"));
        api().body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", 100))))
                .put("/api/v1/pairings/{id}/years/2024/targets", c).then().statusCode(409);

        values(b, "actuals", 100, 100);
        api().get("/api/v1/assessments/{id}", assessmentC).then().body("summary.total",
                comparesEqualTo(new BigDecimal("68.0")));
        run(program).getInt("pairingsFinalized");
        api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments").then()
                .body("items.total[1]", comparesEqualTo(new BigDecimal("100.0")))
                .body("items.total[2]", comparesEqualTo(new BigDecimal("68.0")))
                .body("items.status[2]", equalTo("FINALIZED"));

        api().body(Map.of("reason", "数据更正")).post("/api/v1/assessments/{id}/reopen", assessmentC).then()
                .statusCode(200).body("summary.status", equalTo("COMPUTED")).body("revisions", hasSize(1))
                .body("revisions[0].reason", equalTo("数据更正"))
                .body("revisions[0].total", comparesEqualTo(new BigDecimal("68.0")));
        values(c, "actuals", 100, 100);
    }

    @Test
    void aFinalizationAndAWriteOfThePairsYearTakeTurnsOnThePairing() throws Exception {
        AssessedPair assessed = assessedPair(100, 100);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // A finalization waits for a write of the pair under way (a transaction holding the pairing's row), so it
            // cannot commit between that write's check of the year lock and the write's commit ...
            Future<Response> finalize;
            try (Connection write = RowLocks.holdPairing(dataSource, assessed.pairing())) {
                finalize = pool.submit(() -> api().post("/api/v1/assessments/{id}/finalize", assessed.assessment()));
                Thread.sleep(500);
                assertFalse(finalize.isDone(), "the finalization did not wait for the write under way");
                write.rollback();
            }
            finalize.get(30, TimeUnit.SECONDS).then().statusCode(200).body("summary.status", equalTo("FINALIZED"));
            // ... and a write of actuals takes the pairing's row before it checks, so behind a finalization it finds
            // the year locked.
            Future<Response> actuals;
            try (Connection finalization = RowLocks.holdPairing(dataSource, assessed.pairing())) {
                actuals = pool.submit(() -> api().body(Map.of("items", List.of(Map.of("indicator",
                        "SUPPLY_CONTRACTS_VALUE", "value", 1)))).put("/api/v1/pairings/{id}/years/2024/actuals",
                                assessed.pairing()));
                Thread.sleep(500);
                assertFalse(actuals.isDone(), "the write of actuals did not wait for the pairing's row");
                finalization.rollback();
            }
            actuals.get(30, TimeUnit.SECONDS).then().statusCode(409)
                    .body("type", endsWith("/locked-by-finalized-assessment"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReRunWritesAndAuditsOnlyTheAssessmentsWhoseResultChanged() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long a = Fixtures.pairing(program, YIWU, LIANDU);
        long b = Fixtures.pairing(program, NANHU, SUICHANG);
        publishedScheme(program, 2024);
        for (long pairing : List.of(a, b)) {
            values(pairing, "targets", 100, 100);
            values(pairing, "actuals", 50, 100);
        }
        long firstRun = run(program).getLong("id");
        JsonPath ranking = api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments")
                .then().statusCode(200).extract().jsonPath();
        long assessmentA = ranking.getLong("items.find { it.pairing == " + a + " }.id");
        long assessmentB = ranking.getLong("items.find { it.pairing == " + b + " }.id");
        String etagA = api().get("/api/v1/assessments/{id}", assessmentA).then().extract().header("ETag");
        String etagB = api().get("/api/v1/assessments/{id}", assessmentB).then().extract().header("ETag");
        assertAudited(assessmentA, "CREATE");
        assertAudited(assessmentB, "CREATE");

        // Nothing changed: both are scored again, neither is written nor audited.
        JsonPath second = run(program);
        assertEquals(2, second.getInt("pairingsAssessed"));
        for (long assessment : List.of(assessmentA, assessmentB)) {
            assertAudited(assessment, "CREATE");
            api().get("/api/v1/assessments/{id}", assessment).then().body("run", equalTo((int) firstRun))
                    .body("summary.total", comparesEqualTo(new BigDecimal("70.0")));
        }
        api().get("/api/v1/assessments/{id}", assessmentA).then().header("ETag", etagA);
        api().get("/api/v1/assessments/{id}", assessmentB).then().header("ETag", etagB);

        // One input changed: that assessment is updated and audited with its result before and after.
        values(b, "actuals", 100, 100);
        long third = run(program).getLong("id");
        assertAudited(assessmentA, "CREATE");
        JsonPath events = assertAudited(assessmentB, "UPDATE", "CREATE");
        assertEquals(0, new BigDecimal("70.0").compareTo(new BigDecimal(events.getString("items[0].before.total"))));
        assertEquals(0, new BigDecimal("100.0").compareTo(new BigDecimal(events.getString("items[0].after.total"))));
        assertEquals(third, events.getLong("items[0].after.run"));
        api().get("/api/v1/assessments/{id}", assessmentB).then().body("run", equalTo((int) third))
                .body("summary.total", comparesEqualTo(new BigDecimal("100.0")));
        // A was neither written nor audited, but B now ranks above it: what A's read sends changed, so its tag did.
        api().get("/api/v1/assessments/{id}", assessmentA).then().header("ETag", not(equalTo(etagA)))
                .body("run", equalTo((int) firstRun)).body("summary.rank", equalTo(2));
    }

    @Test
    void everyBreakdownAnAssessmentHeldStaysReadableByTheIdItsAuditEventsName() {
        AssessedPair assessed = assessedPair(50, 100);
        long pairing = assessed.pairing();
        long assessment = assessed.assessment();
        long first = api().get("/api/v1/assessments/{id}", assessment).then().statusCode(200).extract().jsonPath()
                .getLong("breakdownId");

        values(pairing, "actuals", 100, 100);
        run(assessed.program());
        JsonPath detail = api().get("/api/v1/assessments/{id}", assessment).then().statusCode(200).extract()
                .jsonPath();
        long second = detail.getLong("breakdownId");
        assertNotEquals(first, second);
        // The events name the breakdowns; their text is stored once, in the breakdown itself.
        JsonPath events = assertAudited(assessment, "UPDATE", "CREATE");
        assertEquals(first, events.getLong("items[1].after.breakdown"));
        assertEquals(first, events.getLong("items[0].before.breakdown"));
        assertEquals(second, events.getLong("items[0].after.breakdown"));

        String firstTag = api().get("/api/v1/score-breakdowns/{id}", first).then().extract().header("ETag");
        api().get("/api/v1/score-breakdowns/{id}", first).then().statusCode(200).header("ETag", firstTag)
                .body("id", equalTo((int) first)).body("digest", matchesPattern("[0-9a-f]{64}"))
                .body("breakdown.total", comparesEqualTo(new BigDecimal("70.0")));
        JsonPath current = api().get("/api/v1/score-breakdowns/{id}", second).then().statusCode(200)
                .body("breakdown.total", comparesEqualTo(new BigDecimal("100.0"))).extract().jsonPath();
        assertEquals(detail.getMap("breakdown"), current.getMap("breakdown"));
        api().get("/api/v1/score-breakdowns/{id}", Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json");
    }

    record AssessedPair(String program, long pairing, long assessment) {
    }

    /** A programme of one pair with a published 2024 scheme, targets of 100 and these actuals, assessed once. */
    private static AssessedPair assessedPair(int supply, int leads) {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        publishedScheme(program, 2024);
        values(pairing, "targets", 100, 100);
        values(pairing, "actuals", supply, leads);
        run(program);
        long assessment = api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        return new AssessedPair(program, pairing, assessment);
    }

    /** The assessment's audit events, newest first, are exactly these actions. */
    private static JsonPath assertAudited(long assessment, String... actions) {
        return api().queryParam("entityType", "Assessment").queryParam("entityId", assessment)
                .get("/api/v1/audit-events").then().statusCode(200).body("items.action", contains(actions)).extract()
                .jsonPath();
    }

    @Inject
    SessionFactory sessionFactory;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AssessmentRunner runner;

    @Test
    void aRunReadsItsInputsInAFixedNumberOfStatements() {
        long one = statementsOfARunOver(1);
        long four = statementsOfARunOver(4);
        // At most two apart: a new block of ids from the assessment and the breakdown sequences, each fetched once
        // per 50 inserts.
        assertTrue(Math.abs(four - one) <= 2, "1 pairing: " + one + " statements, 4 pairings: " + four);
    }

    private long statementsOfARunOver(int pairs) {
        List<String> industrial = List.of(YIWU, NANHU, HANGZHOU_XIHU, Fixtures.HANGZHOU_GONGSHU).subList(0, pairs);
        List<String> mountain = List.of(LIANDU, SUICHANG, JINGNING, CHUNAN).subList(0, pairs);
        String program = Fixtures.program(industrial, mountain);
        for (int i = 0; i < pairs; i++) {
            long pairing = Fixtures.pairing(program, industrial.get(i), mountain.get(i));
            values(pairing, "targets", 100, 100);
            values(pairing, "actuals", 50, 80);
        }
        publishedScheme(program, 2024);
        // The run itself, without the HTTP polling around it: started, then carried out in this thread.
        long runId = runner.start(program, 2024, "test").run().id;
        sessionFactory.getStatistics().clear();
        runner.execute(runId);
        long statements = sessionFactory.getStatistics().getPrepareStatementCount();
        api().get("/api/v1/assessment-runs/{id}", runId).then().body("status", equalTo("SUCCEEDED"))
                .body("pairingsAssessed", equalTo(pairs));
        return statements;
    }

    @Test
    void reviewerAdjustmentsStayWithinCaps() {
        AssessedPair assessed = assessedPair(50, 50);
        long pairing = assessed.pairing();
        long id = assessed.assessment();
        api().body(Map.of("item", "JOINT_PARK", "points", 3, "reason", "共建园区")).post("/api/v1/assessments/{id}/adjustments", id)
                .then().statusCode(400).body("errors[0].field", equalTo("points"));
        api().body(Map.of("item", "NOPE", "points", 1, "reason", "x")).post("/api/v1/assessments/{id}/adjustments", id)
                .then().statusCode(400).body("errors[0].field", equalTo("item"))
                .body("errors[0].message", endsWith("; must be one of JOINT_PARK, SAFETY"));
        api().body(Map.of("item", "JOINT_PARK", "points", 2, "reason", "共建园区")).post("/api/v1/assessments/{id}/adjustments", id)
                .then().statusCode(200).body("summary.total", comparesEqualTo(new BigDecimal("52.0")))
                .body("adjustments[0].reason", equalTo("共建园区"));
        api().get("/api/v1/pairings/{id}/years/2024/score", pairing).then()
                .body("result.total", comparesEqualTo(new BigDecimal("52.0")));
        api().body(Map.of("item", "SAFETY", "points", 0, "reason", "事故")).post("/api/v1/assessments/{id}/adjustments", id)
                .then().statusCode(200).body("summary.passed", equalTo(false)).body("summary.vetoed", equalTo(true))
                .body("summary.grade", equalTo("FAIL"));
    }

    @Test
    void twoConcurrentRunRequestsProduceOneRun() throws Exception {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, CHUNAN));
        Fixtures.pairing(program, YIWU, LIANDU);
        Fixtures.pairing(program, NANHU, CHUNAN);
        publishedScheme(program, 2024);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Long>> requests = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<Long> request = () -> {
                go.await();
                return api().body(Map.of("program", program, "year", 2024)).post("/api/v1/assessment-runs").then()
                        .statusCode(202).extract().jsonPath().getLong("id");
            };
            requests.add(pool.submit(request));
        }
        go.countDown();
        long first = requests.get(0).get();
        long second = requests.get(1).get();
        pool.shutdown();
        if (first != second) {
            // On a loaded machine the second request can come after the first run (two pairings: milliseconds) has
            // finished; then a second run is right, but never while the first one runs.
            JsonPath one = api().get("/api/v1/assessment-runs/{id}", Math.min(first, second)).then().statusCode(200)
                    .extract().jsonPath();
            JsonPath two = api().get("/api/v1/assessment-runs/{id}", Math.max(first, second)).then().statusCode(200)
                    .extract().jsonPath();
            assertTrue(!java.time.OffsetDateTime.parse(one.getString("finishedAt"))
                    .isAfter(java.time.OffsetDateTime.parse(two.getString("requestedAt"))),
                    "run " + one.getLong("id") + " still ran when run " + two.getLong("id") + " was started");
            api().queryParam("program", program).get("/api/v1/assessment-runs").then().body("totalItems", equalTo(2));
        } else {
            api().queryParam("program", program).get("/api/v1/assessment-runs").then().body("totalItems", equalTo(1));
        }
    }

    @Test
    void schemesAreValidatedAndImmutableOncePublished() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        Map<String, Object> bad = new java.util.HashMap<>(rules());
        bad.put("tracks", List.of(Map.of("track", "CHAIN_COLLAB", "weight", 50), Map.of("track", "INVEST_INFO", "weight", 40)));
        api().body(Map.of("program", program, "year", 2024, "name", "x", "rules", bad)).post("/api/v1/scoring-schemes")
                .then().statusCode(400).body("type", endsWith("/invalid-scheme"))
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("rules.")));
        api().body(Map.of("program", program, "year", 2030, "name", "x", "rules", rules())).post("/api/v1/scoring-schemes")
                .then().statusCode(400).body("errors[0].field", equalTo("year"));
        long id = publishedScheme(program, 2024);
        api().body(Map.of("program", program, "year", 2024, "name", "改", "rules", rules()))
                .put("/api/v1/scoring-schemes/{id}", id).then().statusCode(409).body("type", endsWith("/scheme-published"));
        api().body(Map.of("program", program, "year", 2024, "name", "第二版", "rules", rules()))
                .post("/api/v1/scoring-schemes").then().statusCode(201).body("number", equalTo(2));
        api().get("/api/v1/scoring-schemes/{id}", id).then().body("name", equalTo("测试办法"))
                .body("rules.indicators[0].direction", equalTo("HIGHER_IS_BETTER"));
    }

    @Test
    void theShippedExampleSchemeIsADraftMarkedAsExample() throws Exception {
        api().queryParam("program", "ZJ-MFG-2023").queryParam("year", 2023).get("/api/v1/scoring-schemes").then()
                .statusCode(200).body("items.find { it.number == 1 }.example", equalTo(true));
        // Its status as shipped, on a database just migrated: BulletinTest publishes it, and on PostgreSQL it shares
        // the tests' database, so what the API shows here depends on which ran first.
        try (MigrationDatabase.Before shipped = new MigrationDatabase("shipped-scheme").before("latest");
                var status = shipped.connection().prepareStatement("select status, example from scoring_scheme"
                        + " where id = ?")) {
            status.setLong(1, shipped.scheme());
            try (var row = status.executeQuery()) {
                assertTrue(row.next(), "no example scheme is shipped");
                assertEquals("DRAFT", row.getString(1));
                assertTrue(row.getBoolean(2));
            }
        }
    }

    @Test
    void aRunWithoutAPublishedSchemeIs409() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        api().get("/api/v1/pairings/{id}/years/2024/score", pairing).then().statusCode(409)
                .body("type", endsWith("/no-published-scheme"));
        api().body(Map.of("program", program, "year", 2024)).post("/api/v1/assessment-runs").then().statusCode(409)
                .body("type", endsWith("/no-published-scheme"));
        api().queryParam("program", program).get("/api/v1/assessment-runs").then().body("totalItems", equalTo(0));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
