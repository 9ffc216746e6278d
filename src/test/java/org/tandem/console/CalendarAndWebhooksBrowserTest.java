package org.tandem.console;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.PASSWORD;
import static org.tandem.support.Fixtures.YIWU;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The admin's reporting calendar, approval chain, webhooks and indicators pages: a calendar set, saved, read again and
 * overtaken (412 with a reload); the pair missing its annual report listed; the chain saved; a webhook created with
 * its secret shown once, its failing deliveries shown, deleted after a second click. Every step checked through the
 * API.
 */
@QuarkusTest
@EnabledIf(value = "org.tandem.console.Browser#wanted", disabledReason = Browser.SKIP_REASON)
class CalendarAndWebhooksBrowserTest extends BrowserTestBase {

    @Override
    String screenshots() {
        return "calendar";
    }

    private static JsonPath calendar(String program) {
        return api().get("/api/v1/programs/{code}/years/2024/calendar", program).then().statusCode(200).extract()
                .jsonPath();
    }

    private void setDate(WebElement input, String isoDate) {
        browser.driver.executeScript("arguments[0].value = arguments[1]", input, isoDate);
    }

    /** Opens a page at an address and waits until it shows the programme asked for. */
    private void openCalendar(String program) {
        browser.open(root + "#/calendar?program=" + program + "&year=2024&t=" + System.nanoTime());
        browser.page("calendar");
        browser.until(d -> program.equals(d.findElement(By.cssSelector("#main select[name=program]")).getAttribute("value")));
    }

    @Test
    void anAdminSetsTheCalendarSeesTheMissingPairAndSetsTheApprovalChain() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        browser.openSignedOut(root.toString());
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.page("dashboard");
        browser.find(By.cssSelector("#nav a[data-page='calendar']")).click();
        browser.page("calendar");
        openCalendar(program);
        assertTrue(browser.unlabelledInputs().isEmpty(), "inputs without a label: " + browser.unlabelledInputs());
        // No calendar yet: nothing is overdue, and the form starts with the annual report.
        assertTrue(browser.find(By.cssSelector("#overdue")).getText().contains("未设截止日期"));
        WebElement form = browser.find(By.id("calendar-form"));
        assertEquals("ANNUAL", form.findElement(By.name("periods[0].period")).getAttribute("value"));

        // A due date before the period starts is refused, next to its field; nothing is saved.
        setDate(form.findElement(By.name("periods[0].dueOn")), "2023-12-31");
        form.findElement(By.id("save-calendar")).click();
        browser.find(By.cssSelector("#calendar-form .field-error"));
        assertEquals("true", form.findElement(By.name("periods[0].dueOn")).getAttribute("aria-invalid"));
        assertTrue(calendar(program).getList("periods").isEmpty());

        // ANNUAL due on 31 January 2025 and a first-half report, saved and read again.
        setDate(form.findElement(By.name("periods[0].dueOn")), "2025-01-31");
        form.findElement(By.id("add-period")).click();
        WebElement second = browser.find(By.name("periods[1].period"));
        new Select(second).selectByValue("H1");
        setDate(form.findElement(By.name("periods[1].dueOn")), "2024-07-31");
        form.findElement(By.id("save-calendar")).click();
        browser.until(d -> calendar(program).getList("periods").size() == 2);
        JsonPath saved = calendar(program);
        assertEquals("2025-01-31", saved.getString("periods.find { it.period == 'ANNUAL' }.dueOn"));
        assertEquals("2024-07-31", saved.getString("periods.find { it.period == 'H1' }.dueOn"));
        openCalendar(program);
        browser.until(d -> "2025-01-31".equals(d.findElement(By.name("periods[0].dueOn")).getAttribute("value")));
        assertEquals("H1", browser.find(By.name("periods[1].period")).getAttribute("value"));

        // The due date has passed and nothing was submitted: the pair is missing.
        WebElement row = browser.find(By.cssSelector("#overdue a[href^='#/pair/" + pairing + "']"))
                .findElement(By.xpath("ancestor::tr"));
        assertTrue(row.getText().contains("未提交"), row.getText());
        assertTrue(row.getText().contains("2025-01-31"), row.getText());
        api().queryParam("county", YIWU).get("/api/v1/programs/{code}/years/2024/overdue", program).then()
                .statusCode(200).body("items.pairing", equalTo(List.of((int) pairing)));
        browser.screenshot("calendar-set");

        // Filtering by a county and LATE keeps none of it.
        WebElement filter = browser.find(By.id("overdue-filter"));
        new Select(filter.findElement(By.name("status"))).selectByValue("LATE");
        new Select(filter.findElement(By.name("county"))).selectByValue(LIANDU);
        filter.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.getCurrentUrl().contains("status=LATE") && d.getCurrentUrl().contains("county=" + LIANDU));
        browser.page("calendar");
        browser.until(d -> d.findElements(By.cssSelector("#overdue a[href^='#/pair/']")).isEmpty()
                && !d.findElements(By.cssSelector("#overdue p.muted")).isEmpty());

        // Someone else changes the calendar meanwhile: the save is refused and a reload is offered.
        openCalendar(program);
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", "2025-02-28"))))
                .put("/api/v1/programs/{code}/years/2024/calendar", program).then().statusCode(200);
        browser.find(By.id("save-calendar")).click();
        WebElement stale = browser.find(By.cssSelector("#calendar-form .alert"));
        assertTrue(stale.getText().contains("已被他人修改"), stale.getText());
        assertEquals("2025-02-28", calendar(program).getString("periods[0].dueOn"));
        stale.findElement(By.tagName("button")).click();
        browser.until(d -> "2025-02-28".equals(d.findElement(By.name("periods[0].dueOn")).getAttribute("value")));
        assertTrue(browser.driver.findElements(By.name("periods[1].period")).isEmpty());

        // The approval chain: the province is always last; the city level added.
        browser.open(root + "#/programs?program=" + program);
        browser.page("programs");
        browser.until(d -> program.equals(d.findElement(By.cssSelector("#main select[name=program]")).getAttribute("value")));
        WebElement chain = browser.find(By.id("approval-chain"));
        assertEquals("PROVINCE", chain.findElement(By.id("chain-now")).getAttribute("data-levels"));
        chain.findElement(By.cssSelector("input[value=CITY]")).click();
        chain.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> api().get("/api/v1/programs/{code}/approval-chain", program).then().extract().jsonPath()
                .getList("levels").equals(List.of("CITY", "PROVINCE")));
        browser.page("programs");
        browser.until(d -> "CITY,PROVINCE".equals(d.findElement(By.id("chain-now")).getAttribute("data-levels")));
        assertFalse(api().get("/api/v1/programs/{code}/approval-chain", program).then().extract().jsonPath()
                .getBoolean("isDefault"));
        browser.screenshot("calendar-approval-chain");
        browser.signOut();
    }

    @Test
    void anAssessorReadsTheCalendarButCannotChangeIt() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        Fixtures.pairing(program, YIWU, LIANDU);
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", "2025-01-31"))))
                .put("/api/v1/programs/{code}/years/2024/calendar", program).then().statusCode(200);
        String assessor = Fixtures.user("assessor", null);
        browser.openSignedOut(root.toString());
        browser.signIn(assessor, PASSWORD);
        browser.page("dashboard");
        openCalendar(program);
        assertTrue(browser.driver.findElements(By.id("calendar-form")).isEmpty());
        assertTrue(browser.find(By.id("calendar")).getText().contains("2025-01-31"));
        browser.find(By.cssSelector("#overdue a[href^='#/pair/']"));
        browser.open(root + "#/webhooks");
        assertFalse(browser.find(By.cssSelector("#main .alert")).getText().isBlank());
        assertTrue(browser.driver.findElements(By.id("new-webhook")).isEmpty());
        browser.signOut();
    }

    @Test
    void anAdminCreatesAWebhookSeesItsDeliveriesAndDeletesIt() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        String url = "http://127.0.0.1:9/" + Fixtures.uniqueCode("hook");
        browser.openSignedOut(root.toString());
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.page("dashboard");
        browser.find(By.cssSelector("#nav a[data-page='webhooks']")).click();
        browser.page("webhooks");
        assertTrue(browser.unlabelledInputs().isEmpty(), "inputs without a label: " + browser.unlabelledInputs());

        // No event type: refused in words, nothing created.
        WebElement form = browser.find(By.id("new-webhook"));
        form.findElement(By.name("url")).sendKeys(url);
        form.findElement(By.name("description")).sendKeys("界面测试接收端");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.find(By.cssSelector("#new-webhook .alert"));
        assertTrue(webhooksWith(url).isEmpty());

        form.findElement(By.cssSelector("input[name=eventTypes][value=SUBMISSION_WAITING]")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement once = browser.find(By.id("secret-once"));
        String secret = once.findElement(By.id("new-secret")).getText();
        assertTrue(secret.startsWith("whsec_"), secret);
        browser.until(d -> webhooksWith(url).size() == 1);
        long id = ((Number) webhooksWith(url).get(0).get("id")).longValue();
        assertEquals(List.of("SUBMISSION_WAITING"), webhooksWith(url).get(0).get("eventTypes"));
        WebElement row = browser.find(By.cssSelector("#webhooks tr[data-webhook='" + id + "']"));
        assertTrue(row.getText().contains(url), row.getText());
        assertTrue(row.getText().contains("界面测试接收端"), row.getText());
        browser.screenshot("calendar-webhook-created");
        // The secret is shown once: not after a reload, and never by the API.
        browser.open(root + "#/webhooks?t=" + System.nanoTime());
        browser.page("webhooks");
        assertTrue(browser.driver.findElements(By.id("secret-once")).isEmpty());
        assertFalse(api().get("/api/v1/webhooks/{id}", id).then().statusCode(200).extract().asString().contains(secret));

        // An event: the unreachable receiver's delivery fails and is shown with its attempts and error.
        String clerk = Fixtures.user("county-editor", LIANDU);
        String path = "/api/v1/pairings/" + pairing + "/years/2024/actuals";
        Api.as(clerk, PASSWORD).body(Map.of("items", List.of(Map.of("indicator", "LEAN_BENCHMARK_PROJECTS", "value", 3))))
                .put(path).then().statusCode(200);
        Api.as(clerk, PASSWORD).body(Map.of()).post(path + "/submit").then().statusCode(200);
        browser.until(d -> {
            List<Integer> attempts = api().get("/api/v1/webhooks/{id}/deliveries", id).then().statusCode(200).extract()
                    .jsonPath().getList("items.attempts", Integer.class);
            return !attempts.isEmpty() && attempts.stream().allMatch(a -> a >= 1);
        });
        WebElement deliveries = browser.find(By.cssSelector("#webhooks details.deliveries[data-webhook='" + id + "']"));
        deliveries.findElement(By.tagName("summary")).click();
        WebElement delivery = browser.find(By.cssSelector("#webhooks details.deliveries[data-webhook='" + id + "'] tbody tr"));
        assertTrue(delivery.getText().contains("数据待审批"), delivery.getText());
        String state = delivery.findElement(By.cssSelector(".badge")).getText();
        assertTrue(Set.of("失败，待重试", "已放弃").contains(state), state);
        assertFalse(delivery.findElements(By.tagName("td")).get(6).getText().isBlank(), "the last error is shown");
        browser.screenshot("calendar-webhook-deliveries");

        // Edited: made inactive (If-Match from the editor's own read).
        WebElement editor = browser.find(By.cssSelector("#webhooks details[data-record='webhooks/" + id + "']"));
        editor.findElement(By.tagName("summary")).click();
        WebElement edit = browser.find(By.cssSelector("#webhooks details[data-record='webhooks/" + id + "'] form"));
        assertTrue(edit.findElement(By.cssSelector("input[name=eventTypes][value=SUBMISSION_WAITING]")).isSelected());
        edit.findElement(By.cssSelector("input[name=active]")).click();
        edit.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> Boolean.FALSE.equals(webhooksWith(url).get(0).get("active")));
        assertEquals(List.of("SUBMISSION_WAITING"), webhooksWith(url).get(0).get("eventTypes"));

        // Deleted after a second click.
        browser.page("webhooks");
        editor = browser.find(By.cssSelector("#webhooks details[data-record='webhooks/" + id + "']"));
        editor.findElement(By.tagName("summary")).click();
        edit = browser.find(By.cssSelector("#webhooks details[data-record='webhooks/" + id + "'] form"));
        edit.findElement(By.cssSelector("button.delete")).click();
        assertEquals(200, api().get("/api/v1/webhooks/{id}", id).then().extract().statusCode(), "asked once more first");
        edit.findElement(By.cssSelector("button.confirm-delete")).click();
        browser.until(d -> api().get("/api/v1/webhooks/{id}", id).then().extract().statusCode() == 404);
        browser.page("webhooks");
        assertTrue(browser.driver.findElements(By.cssSelector("#webhooks tr[data-webhook='" + id + "']")).isEmpty());
        browser.signOut();
    }

    private static List<Map<String, Object>> webhooksWith(String url) {
        return api().queryParam("size", 500).get("/api/v1/webhooks").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>> getList("items").stream().filter(w -> url.equals(w.get("url"))).toList();
    }

    @Test
    void theAdminSetsHowOftenAnIndicatorIsReported() {
        // An inactive indicator of its own, so that no other test's progress or reports see it.
        String code = ("IND_" + Fixtures.uniqueCode("C")).replace('-', '_');
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "track", "INVEST_INFO", "nameZh", "测试报送指标",
                "nameEn", "Test reported indicator", "unit", "个", "source", "REPORTED", "active", false));
        api().body(body).post("/api/v1/indicators").then().statusCode(201).body("reportedPer", equalTo("ANNUAL"));
        browser.openAs(root.toString(), "admin", Api.ADMIN_PASSWORD, "dashboard", "indicators");
        WebElement form = browser.find(By.cssSelector("form.indicator-edit[data-indicator='" + code + "']"));
        assertTrue(browser.unlabelledInputs().isEmpty(), "inputs without a label: " + browser.unlabelledInputs());
        new Select(form.findElement(By.name("reportedPer"))).selectByValue("QUARTER");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> "QUARTER".equals(api().get("/api/v1/indicators/{code}", code).then().extract()
                .path("reportedPer")));
        JsonPath saved = api().get("/api/v1/indicators/{code}", code).then().statusCode(200).extract().jsonPath();
        assertFalse(saved.getBoolean("active"), "left inactive");
        assertEquals("测试报送指标", saved.getString("nameZh"));
        browser.page("indicators");
        browser.until(d -> "QUARTER".equals(d.findElement(By.cssSelector("form.indicator-edit[data-indicator='" + code
                + "'] select[name=reportedPer]")).getAttribute("value")));
        // A derived indicator is reported by nobody: it offers no choice.
        String derived = api().queryParam("source", "DERIVED").queryParam("size", 1).get("/api/v1/indicators").then()
                .statusCode(200).extract().path("items[0].code");
        assertTrue(browser.find(By.cssSelector("form.indicator-edit[data-indicator='" + derived + "']"))
                .findElements(By.name("reportedPer")).isEmpty());
        browser.screenshot("admin-indicators");
    }
}
