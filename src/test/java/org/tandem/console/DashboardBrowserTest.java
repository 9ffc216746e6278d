package org.tandem.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tandem.assessment.AnnualAssessmentTest;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The programme dashboard shows the API's figures (pairings, park coverage, projects, assessed and passed, the
 * pair-years' workflow states); the ranking lists the same assessments and drills down to a pair's page, and the
 * assessor approves, runs, finalizes and reopens from the review page.
 */
@QuarkusTest
@EnabledIf(value = "org.tandem.console.Browser#wanted", disabledReason = Browser.SKIP_REASON)
class DashboardBrowserTest extends BrowserTestBase {

    @Override
    String screenshots() {
        return "dashboard";
    }

    private static String readString(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void values(long pairing, String kind, int supply, int leads) {
        api().body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", supply),
                Map.of("indicator", "INVESTMENT_LEADS_SHARED", "value", leads))))
                .put("/api/v1/pairings/{id}/years/2024/" + kind, pairing).then().statusCode(200);
    }

    private String figure(String key) {
        return browser.find(By.cssSelector("[data-figure='" + key + "']")).getAttribute("data-value");
    }

    /** Three pairs in 2024: one with a park and a project, all with values; two assessed; one submitted. */
    private record Programme(String code, long a, long b, long c) {
    }

    private static Programme programme() {
        String code = Fixtures.program(List.of(Fixtures.YIWU, Fixtures.NANHU, Fixtures.HANGZHOU_XIHU),
                List.of(Fixtures.LIANDU, Fixtures.SUICHANG, Fixtures.JINGNING));
        long a = Fixtures.pairing(code, Fixtures.YIWU, Fixtures.LIANDU);
        long b = Fixtures.pairing(code, Fixtures.NANHU, Fixtures.SUICHANG);
        long c = Fixtures.pairing(code, Fixtures.HANGZHOU_XIHU, Fixtures.JINGNING);
        api().body(Map.of("name", "丽水经济开发区义乌园", "hostCounty", Fixtures.LIANDU, "establishedOn", "2023-06-01"))
                .post("/api/v1/pairings/{id}/parks", a).then().statusCode(201);
        api().body(Map.of("track", "PROJECT_COOP", "title", "环龙新材料", "hostCounty", Fixtures.LIANDU, "plannedOn",
                "2024-02-01", "investment", 150000000)).post("/api/v1/pairings/{id}/projects", a).then().statusCode(201);
        AnnualAssessmentTest.publishedScheme(code, 2024);
        for (long p : List.of(a, b, c)) {
            values(p, "targets", 100, 100);
        }
        values(a, "actuals", 100, 100);
        values(b, "actuals", 50, 60);
        api().body(Map.of()).post("/api/v1/pairings/{id}/years/2024/actuals/submit", b).then().statusCode(200);
        return new Programme(code, a, b, c);
    }

    @Test
    void theDashboardShowsTheApisFiguresAndTheRankingDrillsDownToAPair() {
        Programme p = programme();
        String code = p.code();
        AnnualAssessmentTest.run(code);
        // 2024's annual report was due long ago: the submitted pair came late, the other two are missing.
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", "2025-01-31"))))
                .put("/api/v1/programs/{code}/years/2024/calendar", code).then().statusCode(200);
        browser.openSignedOut(root.toString());
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.page("dashboard");
        browser.open(root + "#/dashboard?program=" + code + "&year=2024");
        browser.page("dashboard");

        JsonPath coverage = api().get("/api/v1/programs/{code}/park-coverage", code).then().statusCode(200).extract()
                .jsonPath();
        JsonPath ranking = api().queryParam("program", code).queryParam("year", 2024).queryParam("size", 500)
                .get("/api/v1/assessments").then().statusCode(200).extract().jsonPath();
        assertEquals(api().queryParam("program", code).get("/api/v1/pairings").then().extract().path("totalItems")
                .toString(), figure("pairings"));
        assertEquals(coverage.getInt("pairingsWithPark") + "/" + coverage.getInt("pairings"), figure("parkCoverage"));
        assertEquals(api().queryParam("program", code).queryParam("year", 2024).get("/api/v1/projects").then()
                .extract().path("totalItems").toString(), figure("projects"));
        assertEquals(String.valueOf(ranking.getInt("totalItems")), figure("assessed"));
        assertEquals(String.valueOf(ranking.getList("items.findAll { it.passed }").size()), figure("passed"));
        double average = ranking.getList("items.total").stream().mapToDouble(t -> Double.parseDouble(t.toString()))
                .average().orElseThrow();
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", average), figure("averageTotal"));
        // The pair-years' states, as the API says them.
        Map<String, Integer> states = new java.util.HashMap<>(Map.of("DRAFT", 0, "RETURNED", 0, "SUBMITTED", 0,
                "APPROVED", 0));
        for (long pairing : List.of(p.a(), p.b(), p.c())) {
            JsonPath actuals = api().get("/api/v1/pairings/{id}/years/2024/actuals", pairing).then().extract().jsonPath();
            String state = actuals.getString("state");
            states.merge("DRAFT".equals(state) && actuals.getBoolean("everSubmitted") ? "RETURNED" : state, 1,
                    Integer::sum);
        }
        assertEquals(1, states.get("SUBMITTED"));
        states.forEach((state, count) -> assertEquals(String.valueOf(count), figure("workflow-" + state), state));
        browser.find(By.cssSelector("#overdue-figures[data-ready='true']"));
        for (String status : List.of("LATE", "MISSING")) {
            assertEquals(String.valueOf(api().queryParam("status", status).get("/api/v1/programs/{code}/years/2024/overdue",
                    code).then().statusCode(200).extract().jsonPath().getInt("totalItems")), figure("overdue-" + status));
        }
        assertEquals("1", figure("overdue-LATE"));
        assertEquals("2", figure("overdue-MISSING"));
        browser.until(d -> d.findElements(By.cssSelector("#main canvas")).size() == 4); // four charts drawn
        browser.screenshot("dashboard-figures");

        // The ranking: the same assessments in the same order, with per-track scores; drill-down to a pair.
        browser.open(root + "#/ranking?program=" + code + "&year=2024");
        WebElement page = browser.page("ranking");
        List<WebElement> rows = page.findElements(By.cssSelector("tbody tr"));
        assertEquals(ranking.getInt("totalItems"), rows.size());
        assertTrue(rows.get(0).getText().contains(ranking.getString("items[0].mountainCounty.name")));
        assertEquals(4 + 6 + 1, rows.get(0).findElements(By.tagName("td")).size(),
                "rank, pair, total, grade, 6 tracks, status");
        browser.screenshot("dashboard-ranking");
        // The CSV download carries the token the plain link could not: the file arrives with the ranking in it.
        java.nio.file.Path csv = Browser.DOWNLOADS.resolve(code + "_2024_ranking.csv");
        browser.find(By.id("download-csv")).click();
        browser.until(d -> java.nio.file.Files.exists(csv) && csv.toFile().length() > 0);
        String text = readString(csv);
        assertTrue(text.contains(ranking.getString("items[0].mountainCounty.name")), text);
        // The printable bulletin opens in a tab of its own, rendered by the service with the console's token.
        String console = browser.driver.getWindowHandle();
        browser.find(By.id("print-bulletin")).click();
        browser.until(d -> d.getWindowHandles().size() == 2);
        String tab = browser.driver.getWindowHandles().stream().filter(w -> !w.equals(console)).findFirst().orElseThrow();
        browser.driver.switchTo().window(tab);
        browser.until(d -> d.getPageSource().contains("年度考核通报")
                && d.getPageSource().contains(ranking.getString("items[0].mountainCounty.name")));
        browser.screenshot("dashboard-bulletin-print");
        browser.driver.close();
        browser.driver.switchTo().window(console);
        rows = browser.page("ranking").findElements(By.cssSelector("tbody tr"));
        rows.get(0).findElement(By.cssSelector("a")).click();
        WebElement pair = browser.page("pair");
        assertFalse(pair.findElements(By.cssSelector("canvas")).isEmpty(), "the radar is drawn");
        assertTrue(pair.getText().contains("环龙新材料") == (ranking.getLong("items[0].pairing") == p.a()));
        browser.screenshot("dashboard-pair");
    }

    @Test
    void theAssessorApprovesRunsFinalizesAndReopens() {
        Programme p = programme();
        String code = p.code();
        String assessor = Fixtures.user("assessor", null);
        browser.openSignedOut(root.toString());
        browser.signIn(assessor, Fixtures.PASSWORD);
        browser.page("dashboard");
        browser.open(root + "#/review?program=" + code + "&year=2024");
        browser.page("review");

        // The submitted pair-year, approved with a comment.
        WebElement submission = browser.find(By.cssSelector("#submissions form[data-pairing='" + p.b() + "']"));
        submission.findElement(By.name("comment")).sendKeys("数据核实无误");
        submission.findElement(By.cssSelector("button:not(.danger)")).click();
        browser.until(d -> "APPROVED".equals(api().get("/api/v1/pairings/{id}/years/2024/actuals", p.b()).then()
                .extract().path("state")));
        JsonPath history = api().get("/api/v1/pairings/{id}/years/2024/history", p.b()).then().extract().jsonPath();
        assertEquals("数据核实无误", history.getString("items.find { it.action == 'APPROVE' }.reason"));

        // The run, watched until it finishes.
        browser.page("review");
        browser.find(By.id("start-run")).click();
        browser.until(d -> d.findElement(By.cssSelector("#run .badge.SUCCEEDED")));
        browser.page("review");
        JsonPath ranking = api().queryParam("program", code).queryParam("year", 2024).get("/api/v1/assessments").then()
                .extract().jsonPath();
        assertTrue(ranking.getInt("totalItems") >= 2);
        browser.screenshot("dashboard-assessor-run");

        // Finalize the first; reopen it without a reason (told next to the field), then with one.
        long first = ranking.getLong("items[0].id");
        browser.find(By.cssSelector("#assessments tbody tr:first-child button")).click();
        browser.until(d -> "FINALIZED".equals(api().get("/api/v1/assessments/{id}", first).then().extract()
                .path("summary.status")));
        browser.page("review");
        WebElement row = browser.find(By.cssSelector("#assessments tbody tr:first-child"));
        row.findElement(By.cssSelector("button")).click();
        browser.find(By.cssSelector("#assessments tbody tr:first-child .alert"));
        browser.screenshot("dashboard-assessor-reopen-refused");
        assertEquals("FINALIZED", api().get("/api/v1/assessments/{id}", first).then().extract().path("summary.status"));
        row = browser.find(By.cssSelector("#assessments tbody tr:first-child"));
        row.findElement(By.name("reason")).sendKeys("复核后调整");
        row.findElement(By.cssSelector("button")).click();
        browser.until(d -> "COMPUTED".equals(api().get("/api/v1/assessments/{id}", first).then().extract()
                .path("summary.status")));

        // A reviewer's bonus with its reason.
        browser.page("review");
        WebElement adjust = browser.find(By.cssSelector("#assessments tbody tr:first-child form.adjust"));
        adjust.findElement(By.name("points")).sendKeys("1");
        adjust.findElement(By.name("reason")).sendKeys("共建园区成效明显");
        adjust.findElement(By.tagName("button")).click();
        browser.until(d -> api().get("/api/v1/assessments/{id}", first).then().extract().jsonPath()
                .getList("adjustments").size() == 1);
        JsonPath adjusted = api().get("/api/v1/assessments/{id}", first).then().extract().jsonPath();
        assertEquals("共建园区成效明显", adjusted.getString("adjustments[0].reason"));
        assertEquals(assessor, adjusted.getString("adjustments[0].actor"));
        browser.page("review");
        browser.screenshot("dashboard-assessor-adjusted");
    }
}
