package org.tandem.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;
import static org.tandem.support.Api.as;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tandem.support.Fixtures;
import org.tandem.support.Workbooks;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A county clerk's year in the console: enters a target (and sees a wrong one explained next to its field),
 * downloads the pair-year template, uploads it with a wrong cell, sees the error named by its cell, fixes it,
 * imports it, records a project and submits the year; every step checked through the API.
 */
@QuarkusTest
@EnabledIf(value = "org.tandem.console.Browser#wanted", disabledReason = Browser.SKIP_REASON)
class ClerkBrowserTest extends BrowserTestBase {

    static final String LEAN = "LEAN_BENCHMARK_PROJECTS";
    static final String LEADS = "INVESTMENT_LEADS_SHARED";

    @Override
    String screenshots() {
        return "clerk";
    }

    private JsonPath read(String clerk, String path) {
        return as(clerk, Fixtures.PASSWORD).get(path).then().statusCode(200).extract().jsonPath();
    }

    private WebElement editPage() {
        return browser.page("edit");
    }

    /** The value of an indicator in a targets or actuals answer, or null. */
    private static BigDecimal value(JsonPath values, String indicator) {
        Object v = values.get("items.find { it.indicator == '" + indicator + "' }.value");
        return v == null ? null : new BigDecimal(v.toString());
    }

    @Test
    void theClerksYear() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        String clerk = Fixtures.user("county-editor", Fixtures.YIWU);
        String base = "/api/v1/pairings/" + pairing + "/years/2024";

        browser.openSignedOut(root.toString());
        browser.signIn(clerk, Fixtures.PASSWORD);
        browser.page("mine");
        browser.find(By.cssSelector("a[data-edit='" + pairing + "/2024']")).click();
        editPage();
        assertTrue(browser.unlabelledInputs().isEmpty(), "inputs without a label: " + browser.unlabelledInputs());

        // A target typed in and saved.
        WebElement lean = browser.find(By.name("target:" + LEAN));
        lean.clear();
        lean.sendKeys("12");
        browser.find(By.id("save-targets")).click();
        browser.until(d -> value(read(clerk, base + "/targets"), LEAN) != null);
        assertEquals(0, new BigDecimal("12").compareTo(value(read(clerk, base + "/targets"), LEAN)));
        editPage();
        assertEquals("12", browser.find(By.name("target:" + LEAN)).getAttribute("value"));

        // Someone else changes the targets meanwhile: the stale save is refused (412) and a reload is offered.
        api().body(Map.of("items", List.of(Map.of("indicator", LEAN, "value", 13)))).put(base + "/targets").then()
                .statusCode(200);
        browser.find(By.name("target:" + LEADS)).sendKeys("5");
        browser.find(By.id("save-targets")).click();
        WebElement stale = browser.find(By.cssSelector("#values .alert"));
        browser.screenshot("clerk-stale-edit");
        assertEquals(null, value(read(clerk, base + "/targets"), LEADS));
        stale.findElement(By.tagName("button")).click();
        browser.until(d -> "13".equals(d.findElement(By.name("target:" + LEAN)).getAttribute("value")));
        api().body(Map.of("items", List.of(Map.of("indicator", LEAN, "value", 12)))).put(base + "/targets").then()
                .statusCode(200);
        browser.open(root + "#/edit/" + pairing + "?year=2024&again");
        browser.until(d -> "12".equals(d.findElement(By.name("target:" + LEAN)).getAttribute("value")));

        // A wrong one is explained in words, and nothing changes.
        WebElement leads = browser.find(By.name("target:" + LEADS));
        leads.sendKeys("-3");
        browser.find(By.id("save-targets")).click();
        WebElement alert = browser.find(By.cssSelector("#values .alert"));
        assertFalse(alert.getText().contains("{"), alert.getText());
        browser.screenshot("clerk-wrong-target");
        assertEquals(null, value(read(clerk, base + "/targets"), LEADS));

        // The template: downloaded by the button, filled in with a wrong cell, checked.
        browser.open(root + "#/edit/" + pairing + "?year=2024");
        editPage();
        Path downloaded = Browser.DOWNLOADS.resolve("pair_" + pairing + "_2024_template.xlsx");
        Files.deleteIfExists(downloaded);
        browser.find(By.id("download-template")).click();
        browser.until(d -> Files.exists(downloaded) && downloaded.toFile().length() > 0);
        Map<String, List<List<Object>>> book = Workbooks.read(Files.readAllBytes(downloaded));
        List<List<Object>> targets = book.get("targets");
        int leadsRow = targets.indexOf(Workbooks.rowOf(targets, LEADS));
        Workbooks.setValue(targets.get(leadsRow), "十五");
        Path wrong = Browser.DOWNLOADS.resolve("pair-year-wrong.xlsx");
        Files.write(wrong, Workbooks.write(book));
        upload(wrong, "targets", "check-import");
        WebElement report = browser.until(d -> {
            WebElement r = d.findElement(By.id("import-report"));
            return "true".equals(r.getAttribute("data-dry-run")) ? r : null;
        });
        assertEquals("1", report.getAttribute("data-errors"));
        assertTrue(report.getText().contains("G" + (leadsRow + 1)), report.getText());
        assertTrue(report.getText().contains("十五"), report.getText());
        browser.screenshot("clerk-template-wrong-cell");
        assertEquals(null, value(read(clerk, base + "/targets"), LEADS));

        // Fixed, checked, imported.
        Workbooks.setValue(targets.get(leadsRow), 15);
        Path fixed = Browser.DOWNLOADS.resolve("pair-year-fixed.xlsx");
        Files.write(fixed, Workbooks.write(book));
        upload(fixed, "targets", "check-import");
        browser.until(d -> "0".equals(d.findElement(By.id("import-report")).getAttribute("data-errors")));
        browser.find(By.id("do-import")).click();
        browser.until(d -> "false".equals(d.findElement(By.id("import-report")).getAttribute("data-dry-run")));
        browser.screenshot("clerk-template-imported");
        assertEquals(0, new BigDecimal("15").compareTo(value(read(clerk, base + "/targets"), LEADS)));
        assertEquals(0, new BigDecimal("12").compareTo(value(read(clerk, base + "/targets"), LEAN)));

        // A project of the pair.
        browser.open(root + "#/edit/" + pairing + "?year=2024");
        editPage();
        WebElement project = browser.find(By.id("new-project"));
        project.findElement(By.name("title")).sendKeys("环龙新材料一期");
        setDate(project.findElement(By.name("plannedOn")), "2024-03-01");
        project.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> as(clerk, Fixtures.PASSWORD).get("/api/v1/pairings/" + pairing + "/projects").then()
                .extract().jsonPath().getInt("totalItems") == 1);
        assertEquals("环龙新材料一期", read(clerk, "/api/v1/pairings/" + pairing + "/projects").getString("items[0].title"));

        // An actual, then the year submitted.
        editPage();
        WebElement actual = browser.find(By.name("actual:" + LEAN));
        actual.sendKeys("7");
        browser.find(By.id("save-actuals")).click();
        browser.until(d -> value(read(clerk, base + "/actuals"), LEAN) != null);
        editPage();
        browser.find(By.id("submit-year")).click();
        browser.until(d -> "SUBMITTED".equals(read(clerk, base + "/actuals").getString("state")));
        editPage();
        browser.until(d -> d.findElement(By.cssSelector("#pair-year-state .badge.SUBMITTED")));
        browser.screenshot("clerk-submitted");
        assertFalse(browser.find(By.id("save-actuals")).isEnabled());
    }

    private void upload(Path file, String kind, String button) {
        WebElement input = browser.driver.findElement(By.id("template-file"));
        input.sendKeys(file.toAbsolutePath().toString());
        new Select(browser.find(By.cssSelector("#template select[name=kind]"))).selectByValue(kind);
        browser.find(By.id(button)).click();
    }

    private static void setDate(WebElement input, String isoDate) {
        browser.driver.executeScript("arguments[0].value = arguments[1]", input, isoDate);
    }

    static void ignore(IOException e) {
    }
}
