package org.tandem.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;
import static org.tandem.support.Api.as;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.PASSWORD;
import static org.tandem.support.Fixtures.YIWU;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A county clerk's progress reports in the console: an indicator reported per quarter and a calendar with Q1 and Q2;
 * the clerk opens Q1, sees a wrong value explained next to its input, enters one, saves and submits it; a save
 * overtaken by a change made meanwhile is refused with a reload; the pair's page shows the report to everyone. Every
 * step checked through the API.
 */
@QuarkusTest
@EnabledIf(value = "org.tandem.console.Browser#wanted", disabledReason = Browser.SKIP_REASON)
class ProgressReportBrowserTest extends BrowserTestBase {

    @Override
    String screenshots() {
        return "periods";
    }

    private static String quarterlyIndicator() {
        String code = ("IND_" + Fixtures.uniqueCode("Q")).replace('-', '_');
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("track", "PROJECT_COOP");
        body.put("nameZh", "季度签约项目数");
        body.put("nameEn", "Projects signed per quarter");
        body.put("unit", "个");
        body.put("source", "REPORTED");
        body.put("reportedPer", "QUARTER");
        api().body(body).post("/api/v1/indicators").then().statusCode(201);
        return code;
    }

    private static JsonPath report(String clerk, long pairing, String period) {
        return as(clerk, PASSWORD).get("/api/v1/pairings/{id}/years/2024/periods/{p}", pairing, period).then()
                .statusCode(200).extract().jsonPath();
    }

    private static BigDecimal value(JsonPath report, String indicator) {
        Object v = report.get("items.find { it.indicator == '" + indicator + "' }.value");
        return v == null ? null : new BigDecimal(v.toString());
    }

    private WebElement period(String period) {
        return browser.find(By.cssSelector("#progress-reports details.period-report[data-period='" + period + "']"));
    }

    /** Opens a period's form (if it is not open yet) and answers it. */
    private WebElement openPeriod(String period) {
        WebElement details = period(period);
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        return browser.find(By.id("period-" + period));
    }

    @Test
    void aClerkEntersSavesAndSubmitsAQuarterlyReport() {
        String quarterly = quarterlyIndicator();
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        // Q1 due in the future (submitted on time), Q2 long past and never submitted.
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", "2099-01-31"),
                Map.of("period", "Q1", "dueOn", "2099-04-15"), Map.of("period", "Q2", "dueOn", "2024-07-15"))))
                .put("/api/v1/programs/{code}/years/2024/calendar", program).then().statusCode(200);
        String clerk = Fixtures.user("county-editor", YIWU);

        browser.openSignedOut(root.toString());
        browser.signIn(clerk, PASSWORD);
        browser.page("mine");
        browser.find(By.cssSelector("a[data-edit='" + pairing + "/2024']")).click();
        browser.page("edit");
        // The indicator says it is reported per quarter; the section lists Q1 and Q2, not the annual report.
        WebElement row = browser.find(By.name("target:" + quarterly)).findElement(By.xpath("ancestor::tr"));
        assertTrue(row.getText().contains("按季度报送进度"), row.getText());
        WebElement section = browser.find(By.id("progress-reports"));
        assertTrue(section.getText().contains("进度报送"), section.getText());
        assertEquals(List.of("Q1", "Q2"), section.findElements(By.cssSelector("details.period-report")).stream()
                .map(d -> d.getAttribute("data-period")).toList());
        assertEquals("NOT_SUBMITTED", period("Q1").getAttribute("data-state"));
        assertEquals("NOT_SUBMITTED", period("Q2").getAttribute("data-state"));
        assertTrue(period("Q1").getText().contains("2099-04-15"), period("Q1").getText());

        // A wrong value is explained next to its input; nothing is stored.
        WebElement form = openPeriod("Q1");
        assertTrue(browser.unlabelledInputs().isEmpty(), "inputs without a label: " + browser.unlabelledInputs());
        WebElement input = form.findElement(By.name("value:" + quarterly));
        input.sendKeys("-3");
        form.findElement(By.cssSelector("button.save-period")).click();
        browser.find(By.cssSelector("#period-Q1 .field-error"));
        assertEquals("true", form.findElement(By.name("value:" + quarterly)).getAttribute("aria-invalid"));
        browser.screenshot("periods-wrong-value");
        assertTrue(report(clerk, pairing, "Q1").getList("items").isEmpty());

        // Entered and saved.
        input.clear();
        input.sendKeys("12.5");
        form.findElement(By.cssSelector("button.save-period")).click();
        browser.until(d -> value(report(clerk, pairing, "Q1"), quarterly) != null);
        browser.until(ExpectedConditions.stalenessOf(form));
        assertEquals(0, new BigDecimal("12.5").compareTo(value(report(clerk, pairing, "Q1"), quarterly)));
        assertNull(report(clerk, pairing, "Q1").get("firstSubmittedAt"));

        // Submitted: on time.
        form = openPeriod("Q1");
        browser.until(d -> "12.5".equals(d.findElement(By.name("value:" + quarterly)).getAttribute("value")));
        form.findElement(By.cssSelector("button.submit-period")).click();
        browser.until(d -> report(clerk, pairing, "Q1").get("firstSubmittedAt") != null);
        browser.until(ExpectedConditions.stalenessOf(form));
        browser.until(d -> "ON_TIME".equals(period("Q1").getAttribute("data-state")));
        assertEquals(0, new BigDecimal("12.5").compareTo(value(report(clerk, pairing, "Q1"), quarterly)));
        assertNotNull(report(clerk, pairing, "Q1").getString("lastSubmittedAt"));
        browser.driver.executeScript("arguments[0].scrollIntoView()", period("Q1"));
        browser.screenshot("periods-submitted");

        // Someone changes the report meanwhile: the clerk's save is refused and a reload is offered.
        form = openPeriod("Q1");
        assertFalse(form.findElements(By.name("reason")).isEmpty(), "a change after submission asks for a reason");
        api().body(Map.of("items", List.of(Map.of("indicator", quarterly, "value", 14)), "reason", "市级核对更正"))
                .put("/api/v1/pairings/{id}/years/2024/periods/Q1", pairing).then().statusCode(200);
        input = form.findElement(By.name("value:" + quarterly));
        input.clear();
        input.sendKeys("13");
        form.findElement(By.name("reason")).sendKeys("补录");
        form.findElement(By.cssSelector("button.save-period")).click();
        WebElement stale = browser.find(By.cssSelector("#period-Q1 .alert"));
        assertTrue(stale.getText().contains("已被他人修改"), stale.getText());
        browser.screenshot("periods-stale");
        assertEquals(0, new BigDecimal("14").compareTo(value(report(clerk, pairing, "Q1"), quarterly)));
        stale.findElement(By.tagName("button")).click();
        browser.until(d -> "14".equals(d.findElement(By.cssSelector("#period-Q1 input[name='value:" + quarterly + "']"))
                .getAttribute("value")));

        // The pair's page shows the reports, read-only.
        browser.open(root + "#/pair/" + pairing + "?year=2024");
        browser.page("pair");
        WebElement q1 = browser.find(By.cssSelector("#progress-reports [data-period='Q1']"))
                .findElement(By.xpath("ancestor::tr"));
        assertTrue(q1.getText().contains("2099-04-15"), q1.getText());
        assertTrue(q1.getText().contains("按时提交"), q1.getText());
        assertTrue(q1.getText().contains("季度签约项目数"), q1.getText());
        assertTrue(q1.getText().contains("14"), q1.getText());
        WebElement q2 = browser.find(By.cssSelector("#progress-reports [data-period='Q2']"))
                .findElement(By.xpath("ancestor::tr"));
        assertTrue(q2.getText().contains("未提交"), q2.getText());
        assertTrue(browser.driver.findElements(By.cssSelector("#progress-reports input")).isEmpty());
        browser.driver.executeScript("arguments[0].scrollIntoView()", browser.find(By.id("progress-reports")));
        browser.screenshot("periods-pair-page");
        browser.signOut();
    }

    @Test
    void aProgrammeWithoutProgressPeriodsShowsNoSection() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", "2099-01-31"))))
                .put("/api/v1/programs/{code}/years/2024/calendar", program).then().statusCode(200);
        String clerk = Fixtures.user("county-editor", LIANDU);
        browser.openSignedOut(root.toString());
        browser.signIn(clerk, PASSWORD);
        browser.page("mine");
        browser.open(root + "#/edit/" + pairing + "?year=2024");
        browser.page("edit");
        assertTrue(browser.driver.findElements(By.id("progress-reports")).isEmpty());
        browser.open(root + "#/pair/" + pairing + "?year=2024");
        browser.page("pair");
        assertTrue(browser.driver.findElements(By.id("progress-reports")).isEmpty());
        browser.signOut();
    }
}
