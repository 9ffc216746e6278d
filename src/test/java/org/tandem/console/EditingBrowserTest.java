package org.tandem.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tandem.assessment.AnnualAssessmentTest;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Changing what is already there: a clerk edits a project, is told why a park's wrong area is refused, and
 * deletes an activity; an assessor starts a new version of a scoring scheme, is told why wrong points are
 * refused, publishes the fixed version and scores a pair under it (what-if), all checked through the API.
 */
@QuarkusTest
@EnabledIf(value = "org.tandem.console.Browser#wanted", disabledReason = Browser.SKIP_REASON)
class EditingBrowserTest extends BrowserTestBase {

    @Override
    String screenshots() {
        return "editing";
    }

    private static long created(String path, long pairing, Map<String, Object> body) {
        return api().body(body).post(path, pairing).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static BigDecimal points(long scheme, String path) {
        return new BigDecimal(api().get("/api/v1/scoring-schemes/{id}", scheme).then().statusCode(200).extract()
                .path(path).toString());
    }

    private WebElement openEditor(String record) {
        WebElement editor = browser.find(By.cssSelector("details[data-record='" + record + "']"));
        editor.findElement(By.tagName("summary")).click();
        browser.until(d -> editor.findElement(By.cssSelector("form button[type=submit]")).isDisplayed());
        return editor;
    }

    @Test
    void theClerkEditsAndDeletesTheRecordsOfTheirPair() {
        long pairing = Fixtures.yiwuLiandu();
        long project = created("/api/v1/pairings/{id}/projects", pairing, Map.of("track", "PROJECT_COOP", "title",
                "环龙新材料", "hostCounty", Fixtures.LIANDU, "plannedOn", "2024-02-01", "investment", 150000000));
        long activity = created("/api/v1/pairings/{id}/activities", pairing, Map.of("track", "DIGITAL_ASSIST", "kind",
                "TRAINING", "heldOn", "2024-03-15", "title", "精益管理培训"));
        long park = created("/api/v1/pairings/{id}/parks", pairing, Map.of("name", "丽水经济开发区义乌园",
                "hostCounty", Fixtures.LIANDU, "areaMu", 1200));
        String clerk = Fixtures.user("county-editor", Fixtures.YIWU);

        browser.openSignedOut(root.toString());
        browser.signIn(clerk, Fixtures.PASSWORD);
        browser.page("mine");
        browser.open(root + "#/edit/" + pairing + "?year=2024");
        browser.page("edit");

        // The project's title changed; everything else it had is kept.
        WebElement editor = openEditor("projects/" + project);
        assertTrue(browser.unlabelledInputs().isEmpty(), "inputs without a label: " + browser.unlabelledInputs());
        WebElement title = editor.findElement(By.name("title"));
        title.clear();
        title.sendKeys("环龙新材料一期");
        editor.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> "环龙新材料一期".equals(api().get("/api/v1/projects/{id}", project).then().extract().path("title")));
        JsonPath saved = api().get("/api/v1/projects/{id}", project).then().extract().jsonPath();
        assertEquals(0, new BigDecimal("150000000").compareTo(new BigDecimal(saved.getString("investment"))));
        assertEquals("2024-02-01", saved.getString("plannedOn"));

        // A wrong area is explained next to its field, and nothing changes.
        browser.page("edit");
        editor = openEditor("parks/" + park);
        WebElement area = editor.findElement(By.name("areaMu"));
        area.clear();
        area.sendKeys("-5");
        editor.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = browser.find(By.cssSelector("details[data-record='parks/" + park + "'] .field-error"));
        assertFalse(error.getText().isBlank());
        browser.screenshot("editing-park-refused");
        assertEquals(0, new BigDecimal("1200").compareTo(new BigDecimal(
                api().get("/api/v1/parks/{id}", park).then().extract().path("areaMu").toString())));

        // The activity deleted, after asking once more.
        browser.open(root + "#/edit/" + pairing + "?year=2024&again");
        browser.page("edit");
        editor = openEditor("activities/" + activity);
        editor.findElement(By.cssSelector("button.delete")).click();
        editor.findElement(By.cssSelector("button.confirm-delete")).click();
        browser.until(d -> api().get("/api/v1/activities/{id}", activity).then().extract().statusCode() == 404);
        assertEquals(0, api().get("/api/v1/pairings/{id}/activities", pairing).then().extract().jsonPath()
                .getInt("totalItems"));
    }

    @Test
    void theAssessorPublishesANewVersionOfTheSchemeAndScoresAPairUnderIt() {
        String code = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        long pairing = Fixtures.pairing(code, Fixtures.YIWU, Fixtures.LIANDU);
        long first = AnnualAssessmentTest.publishedScheme(code, 2024);
        for (String kind : List.of("targets", "actuals")) {
            int supply = kind.equals("targets") ? 100 : 50;
            int leads = kind.equals("targets") ? 100 : 60;
            api().body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", supply),
                    Map.of("indicator", "INVESTMENT_LEADS_SHARED", "value", leads))))
                    .put("/api/v1/pairings/{id}/years/2024/" + kind, pairing).then().statusCode(200);
        }
        String assessor = Fixtures.user("assessor", null);
        browser.openSignedOut(root.toString());
        browser.signIn(assessor, Fixtures.PASSWORD);
        browser.page("dashboard");
        browser.open(root + "#/schemes?program=" + code + "&year=2024&scheme=" + first);
        browser.page("schemes");
        assertTrue(browser.unlabelledInputs().isEmpty(), "inputs without a label: " + browser.unlabelledInputs());

        // A new version started from the published one: a draft, number 2.
        browser.find(By.id("copy-scheme")).click();
        browser.until(d -> api().queryParam("program", code).queryParam("year", 2024).get("/api/v1/scoring-schemes")
                .then().extract().jsonPath().getInt("totalItems") == 2);
        long second = api().queryParam("program", code).queryParam("year", 2024).queryParam("status", "DRAFT")
                .get("/api/v1/scoring-schemes").then().extract().jsonPath().getLong("items[0].id");
        browser.until(d -> d.getCurrentUrl().endsWith("scheme=" + second));
        browser.page("schemes");

        // Points that leave the weights short of 100 are refused in words, and the draft stays as it was.
        WebElement supply = browser.find(By.name("points:SUPPLY_CONTRACTS_VALUE"));
        supply.clear();
        supply.sendKeys("50");
        browser.find(By.id("save-scheme")).click();
        WebElement alert = browser.find(By.cssSelector("#scheme-editor .alert"));
        assertFalse(alert.getText().contains("{"), alert.getText());
        browser.screenshot("editing-scheme-refused");
        assertEquals(0, new BigDecimal("60")
                .compareTo(points(second, "rules.indicators.find { it.indicator == 'SUPPLY_CONTRACTS_VALUE' }.points")));

        // Fixed (50 + 50), saved and published.
        WebElement leads = browser.find(By.name("points:INVESTMENT_LEADS_SHARED"));
        leads.clear();
        leads.sendKeys("50");
        browser.find(By.id("save-scheme")).click();
        browser.until(d -> new BigDecimal("50")
                .compareTo(points(second, "rules.tracks.find { it.track == 'CHAIN_COLLAB' }.weight")) == 0);
        browser.page("schemes");
        browser.find(By.id("publish-scheme")).click();
        browser.until(d -> "PUBLISHED".equals(api().get("/api/v1/scoring-schemes/{id}", second).then().extract()
                .path("status")));

        // What-if: the pair scored under the new version, as the API scores it (50 × 0.5 + 50 × 0.6 = 55).
        browser.page("schemes");
        new Select(browser.find(By.cssSelector("#what-if select[name=pairing]"))).selectByValue(String.valueOf(pairing));
        browser.find(By.cssSelector("#what-if button[type=submit]")).click();
        WebElement total = browser.find(By.id("what-if-total"));
        String expected = api().queryParam("scheme", second).get("/api/v1/pairings/{id}/years/2024/score", pairing)
                .then().statusCode(200).extract().path("result.total").toString();
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(total.getAttribute("data-value"))));
        assertEquals(0, new BigDecimal("55").compareTo(new BigDecimal(expected)));
        browser.screenshot("editing-what-if");
    }
}
