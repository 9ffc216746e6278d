package org.tandem.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.JINHUA;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.LISHUI;
import static org.tandem.support.Fixtures.PASSWORD;
import static org.tandem.support.Fixtures.YIWU;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tandem.assessment.AnnualAssessmentTest;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The calendar's and the approval chain's pages: a pair-year goes through a three-level chain set by the API; the
 * industrial county confirms its side in its approval inbox, the city reviewer finds the submission in its
 * notifications (the top bar's count equal to the API's), marks it read, and approves in its inbox; the province
 * returns it with a comment. Every step is checked through the API.
 */
@QuarkusTest
@EnabledIf(value = "org.tandem.console.Browser#wanted", disabledReason = Browser.SKIP_REASON)
class WorkflowBrowserTest extends BrowserTestBase {

    @Override
    String screenshots() {
        return "workflow";
    }

    private static RequestSpecification as(String user) {
        return Api.as(user, PASSWORD);
    }

    private static JsonPath actuals(long pairing) {
        return api().get("/api/v1/pairings/{id}/years/2024/actuals", pairing).then().statusCode(200).extract()
                .jsonPath();
    }

    private static int unread(String user) {
        return as(user).get("/api/v1/notifications/unread-count").then().statusCode(200).extract().path("unread");
    }

    /** The top bar's unread count, once it agrees with the API's. */
    private void bellShows(String user) {
        String expected = String.valueOf(unread(user));
        browser.until(d -> expected.equals(d.findElement(By.cssSelector("#bell .count")).getText()));
    }

    /** Fills the comment of the inbox row of the pairing and clicks its button. */
    private void act(String program, long pairing, String button, String comment) {
        browser.open(root + "#/approvals?program=" + program + "&year=2024&t=" + System.nanoTime());
        browser.page("approvals");
        assertTrue(browser.unlabelledInputs().isEmpty(), "inputs without a label: " + browser.unlabelledInputs());
        WebElement form = browser.find(By.cssSelector("#inbox form[data-pairing='" + pairing + "']"));
        form.findElement(By.name("comment")).sendKeys(comment);
        form.findElement(By.cssSelector("button." + button)).click();
    }

    @Test
    void aPairYearGoesThroughThreeLevelsInTheInboxes() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        api().body(Map.of("levels", List.of("PAIR_COUNTIES", "CITY", "PROVINCE")))
                .put("/api/v1/programs/{code}/approval-chain", program).then().statusCode(200);
        String yiwu = Fixtures.user("county-editor", YIWU);
        String liandu = Fixtures.user("county-editor", LIANDU);
        String lishui = Fixtures.cityReviewer(LISHUI);
        String jinhua = Fixtures.cityReviewer(JINHUA);
        String assessor = Fixtures.user("assessor", null);
        String path = "/api/v1/pairings/" + pairing + "/years/2024/actuals";
        as(liandu).body(Map.of("items", List.of(Map.of("indicator", "LEAN_BENCHMARK_PROJECTS", "value", 8))))
                .put(path).then().statusCode(200);
        as(liandu).body(Map.of("comment", "莲都核对无误")).post(path + "/confirm").then().statusCode(200);

        // The industrial county confirms its side in its inbox; the data go up to the cities.
        browser.openSignedOut(root.toString());
        browser.signIn(yiwu, PASSWORD);
        browser.page("mine");
        bellShows(yiwu);
        act(program, pairing, "confirm", "义乌核对无误");
        browser.until(d -> "SUBMITTED".equals(actuals(pairing).getString("state")));
        JsonPath now = actuals(pairing);
        assertEquals("CITY", now.getString("awaitingLevel"));
        assertEquals(yiwu, now.getString("approvals[0].approvals.find { it.side == 'INDUSTRIAL' }.actor"));
        browser.page("approvals");
        browser.screenshot("workflow-county-confirmed");
        assertTrue(browser.driver.findElements(By.cssSelector("#inbox form[data-pairing='" + pairing + "']")).isEmpty(),
                "a confirmed pair-year leaves the county's inbox");
        browser.signOut();

        // The city reviewer is told, reads the notice, marks it read, then approves for its city.
        browser.signIn(lishui, PASSWORD);
        browser.page("approvals");
        bellShows(lishui);
        long notice = as(lishui).queryParam("pairing", pairing).queryParam("type", "SUBMISSION_WAITING")
                .get("/api/v1/notifications").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        browser.find(By.id("bell")).click();
        browser.page("notifications");
        WebElement mark = browser.find(By.cssSelector("#notifications button.mark-read[data-notification='" + notice + "']"));
        WebElement row = mark.findElement(By.xpath("ancestor::tr"));
        assertTrue(row.getText().contains("数据待审批"), row.getText());
        assertTrue(row.getText().contains("市级审核"), row.getText());
        browser.screenshot("workflow-city-notifications");
        mark.click();
        browser.until(d -> as(lishui).queryParam("pairing", pairing).get("/api/v1/notifications").then().extract()
                .jsonPath().getList("items.findAll { it.id == " + notice + " }.read").equals(List.of(true)));
        bellShows(lishui);
        browser.page("notifications");
        browser.find(By.id("mark-all-read")).click();
        browser.until(d -> unread(lishui) == 0);
        browser.until(d -> "0".equals(d.findElement(By.cssSelector("#bell .count")).getText()));

        act(program, pairing, "approve", "丽水市审核通过");
        browser.until(d -> actuals(pairing).getList("approvals[1].waitingFor").equals(List.of("INDUSTRIAL")));
        assertEquals("CITY", actuals(pairing).getString("awaitingLevel"));
        browser.page("approvals");
        browser.signOut();
        as(jinhua).body(Map.of("comment", "金华市审核通过")).post(path + "/approve").then().statusCode(200)
                .body("awaitingLevel", org.hamcrest.Matchers.equalTo("PROVINCE"));

        // The province returns it with a comment; back to the counties as DRAFT, the comment in the history.
        browser.signIn(assessor, PASSWORD);
        browser.page("dashboard");
        act(program, pairing, "return", "请补充标杆项目台账");
        browser.until(d -> "DRAFT".equals(actuals(pairing).getString("state")));
        browser.page("approvals");
        String lastComment = api().queryParam("kind", "WORKFLOW").get("/api/v1/pairings/{id}/years/2024/history", pairing)
                .then().statusCode(200).extract().path("items[0].reason");
        assertEquals("请补充标杆项目台账", lastComment);
        assertEquals(1, as(yiwu).queryParam("pairing", pairing).queryParam("type", "DATA_RETURNED")
                .get("/api/v1/notifications").then().statusCode(200).extract().jsonPath().getInt("totalItems"));
    }

    @Test
    void theAssessorPublishesTheYearAClerkObjectsAndTheAssessorRejectsIt() throws IOException {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        AnnualAssessmentTest.publishedScheme(program, 2024);
        for (String kind : List.of("targets", "actuals")) {
            int value = kind.equals("targets") ? 100 : 50;
            api().body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", value),
                    Map.of("indicator", "INVESTMENT_LEADS_SHARED", "value", value))))
                    .put("/api/v1/pairings/{id}/years/2024/" + kind, pairing).then().statusCode(200);
        }
        AnnualAssessmentTest.run(program);
        api().body(Map.of("periods", List.of(Map.of("period", "ANNUAL", "dueOn", "2025-01-31"))))
                .put("/api/v1/programs/{code}/years/2024/calendar", program).then().statusCode(200);
        String publication = "/api/v1/programs/" + program + "/years/2024/publication";
        String objections = "/api/v1/programs/" + program + "/years/2024/objections";
        String assessor = Fixtures.user("assessor", null);
        String yiwu = Fixtures.user("county-editor", YIWU);

        // The assessor sees the missing annual report and publishes the year for five days.
        browser.openSignedOut(root.toString());
        browser.signIn(assessor, PASSWORD);
        browser.page("dashboard");
        browser.open(root + "#/review?program=" + program + "&year=2024");
        browser.page("review");
        WebElement overdue = browser.find(By.id("overdue"));
        assertTrue(overdue.getText().contains("未提交"), overdue.getText());
        assertTrue(overdue.getText().contains("2025-01-31"), overdue.getText());
        WebElement days = browser.find(By.cssSelector("#publish input[name=days]"));
        days.clear();
        days.sendKeys("5");
        browser.find(By.cssSelector("#publish button[type=submit]")).click();
        browser.until(d -> api().get(publication).then().extract().statusCode() == 200);
        api().get(publication).then().body("days", org.hamcrest.Matchers.equalTo(5))
                .body("open", org.hamcrest.Matchers.equalTo(true));
        browser.find(By.cssSelector("#publication[data-open='true']"));
        browser.screenshot("workflow-published");
        browser.signOut();

        // A clerk of the pair objects on the pair's page.
        browser.signIn(yiwu, PASSWORD);
        browser.page("mine");
        browser.open(root + "#/pair/" + pairing + "?year=2024");
        browser.page("pair");
        // With a PDF chosen in the form: attached to the objection once it is filed.
        Path evidence = Files.createTempFile("合同补录", ".pdf");
        Files.writeString(evidence, MoneyAndEvidenceBrowserTest.PDF, StandardCharsets.ISO_8859_1);
        byte[] evidenceBytes = Files.readAllBytes(evidence);
        browser.find(By.cssSelector("#file-objection textarea[name=reason]")).sendKeys("供应链合同金额漏计一笔");
        assertTrue(browser.unlabelledInputs().isEmpty(), "inputs without a label: " + browser.unlabelledInputs());
        browser.find(By.cssSelector("#file-objection input.objection-files")).sendKeys(evidence.toAbsolutePath().toString());
        browser.find(By.cssSelector("#file-objection button[type=submit]")).click();
        browser.until(d -> api().get(objections).then().extract().jsonPath().getInt("totalItems") == 1);
        JsonPath filed = api().get(objections).then().extract().jsonPath();
        assertEquals("供应链合同金额漏计一笔", filed.getString("items[0].reason"));
        assertEquals(yiwu, filed.getString("items[0].filedBy"));
        long objection = filed.getLong("items[0].id");
        String objectionSubject = "objection:" + objection;
        browser.until(d -> api().queryParam("subject", objectionSubject).get("/api/v1/documents").then().extract()
                .jsonPath().getInt("totalItems") == 1);
        JsonPath attached = api().queryParam("subject", objectionSubject).get("/api/v1/documents").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(evidence.getFileName().toString(), attached.getString("items[0].fileName"));
        assertEquals(MoneyAndEvidenceBrowserTest.sha256(evidenceBytes), attached.getString("items[0].sha256"));
        long evidenceDocument = attached.getLong("items[0].id");
        Files.deleteIfExists(evidence);
        // Listed in the objection's documents on the reloaded page, with its download and preview.
        browser.page("pair");
        WebElement objectionPanel = browser.find(By.cssSelector("#pair-objections details.record-documents[data-subject='"
                + objectionSubject + "']"));
        browser.click(objectionPanel.findElement(By.tagName("summary")));
        browser.until(d -> "1".equals(objectionPanel.getAttribute("data-count")));
        WebElement evidenceRow = objectionPanel.findElement(By.cssSelector("tr[data-document='" + evidenceDocument + "']"));
        evidenceRow.findElement(By.cssSelector("button.document-download")).click();
        evidenceRow.findElement(By.cssSelector("button.document-preview-button")).click();
        browser.find(By.cssSelector("details[data-subject='" + objectionSubject + "'] .document-preview iframe"));
        assertTrue(objectionPanel.findElements(By.cssSelector(".alert")).isEmpty());
        assertTrue(objectionPanel.findElements(By.cssSelector("form.document-upload")).size() == 1,
                "the pair's clerk attaches to its open objection");
        browser.screenshot("workflow-objection-filed");
        browser.signOut();

        // The assessor rejects it with a reason.
        browser.signIn(assessor, PASSWORD);
        browser.page("dashboard");
        browser.open(root + "#/review?program=" + program + "&year=2024");
        browser.page("review");
        WebElement form = browser.find(By.cssSelector("#objections form[data-objection='" + objection + "']"));
        // The objection's evidence is at hand on the review page.
        WebElement reviewPanel = browser.find(By.cssSelector("#objections details.record-documents[data-subject='"
                + objectionSubject + "']"));
        browser.click(reviewPanel.findElement(By.tagName("summary")));
        browser.until(d -> "1".equals(reviewPanel.getAttribute("data-count")));
        reviewPanel.findElement(By.cssSelector("tr[data-document='" + evidenceDocument + "'] button.document-download"));
        form.findElement(By.name("reason")).sendKeys("合同未在考核年度内签订");
        form.findElement(By.cssSelector("button.reject")).click();
        browser.until(d -> "REJECTED".equals(api().get(objections).then().extract().path("items[0].state")));
        assertEquals("合同未在考核年度内签订", api().get(objections).then().extract().path("items[0].resolution.reason"));

        // A second objection, upheld: the pair is scored again from its data, the ranking shows the year published.
        long assessment = filed.getLong("items[0].assessment");
        long second = Api.as(yiwu, PASSWORD).body(Map.of("reason", "招商线索已补录"))
                .post("/api/v1/assessments/{id}/objections", assessment).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        browser.open(root + "#/review?program=" + program + "&year=2024&again");
        browser.page("review");
        assertTrue(browser.find(By.id("assessments")).getText().contains("公示中"));
        form = browser.find(By.cssSelector("#objections form[data-objection='" + second + "']"));
        form.findElement(By.name("reason")).sendKeys("核实属实，重新计分");
        form.findElement(By.cssSelector("button.uphold")).click();
        browser.until(d -> "UPHELD".equals(api().get("/api/v1/assessments/{a}/objections/{o}", assessment, second).then()
                .extract().path("state")));
        assertEquals("RESCORE", api().get("/api/v1/assessments/{a}/objections/{o}", assessment, second).then()
                .extract().path("resolution.remedy"));
        browser.page("review");

        // A third objection, upheld with an adjustment of one of the scheme's items: the adjustment is the
        // objection's remedy, with the resolution's reason.
        long third = Api.as(yiwu, PASSWORD).body(Map.of("reason", "与遂昌共建园区未计入"))
                .post("/api/v1/assessments/{id}/objections", assessment).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        browser.open(root + "#/review?program=" + program + "&year=2024&third");
        browser.page("review");
        form = browser.find(By.cssSelector("#objections form[data-objection='" + third + "']"));
        browser.click(form.findElement(By.cssSelector("details.uphold-adjustment-box summary")));
        new Select(form.findElement(By.name("item"))).selectByValue("JOINT_PARK");
        form.findElement(By.name("points")).sendKeys("2");
        form.findElement(By.name("reason")).sendKeys("共建园区");
        browser.click(form.findElement(By.cssSelector("button.uphold-adjustment")));
        browser.until(d -> "UPHELD".equals(api().get("/api/v1/assessments/{a}/objections/{o}", assessment, third).then()
                .extract().path("state")));
        JsonPath upheld = api().get("/api/v1/assessments/{a}/objections/{o}", assessment, third).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("ADJUSTMENT", upheld.getString("resolution.remedy"));
        long adjustment = upheld.getLong("resolution.adjustment");
        JsonPath adjusted = api().get("/api/v1/assessments/{id}", assessment).then().statusCode(200).extract()
                .jsonPath();
        assertEquals("JOINT_PARK", adjusted.getString("adjustments.find { it.id == " + adjustment + " }.item"));
        assertEquals("共建园区", adjusted.getString("adjustments.find { it.id == " + adjustment + " }.reason"));

        // An adjustment's documents: the assessor uploads the minutes to it in the ranking's adjustments.
        String adjustmentSubject = "adjustment:" + adjustment;
        browser.open(root + "#/review?program=" + program + "&year=2024&adjusted");
        browser.page("review");
        browser.find(By.cssSelector("details.assessment-adjustments[data-assessment='" + assessment + "'] summary"))
                .click();
        WebElement adjustmentPanel = browser.find(By.cssSelector("details.record-documents[data-subject='"
                + adjustmentSubject + "']"));
        browser.click(adjustmentPanel.findElement(By.tagName("summary")));
        browser.until(d -> "0".equals(adjustmentPanel.getAttribute("data-count")));
        Path minutes = Files.createTempFile("核实纪要", ".pdf");
        Files.writeString(minutes, MoneyAndEvidenceBrowserTest.PDF, StandardCharsets.ISO_8859_1);
        adjustmentPanel.findElement(By.cssSelector("input.document-file")).sendKeys(minutes.toAbsolutePath().toString());
        adjustmentPanel.findElement(By.cssSelector("form.document-upload button[type=submit]")).click();
        browser.until(d -> "1".equals(adjustmentPanel.getAttribute("data-count")));
        Files.deleteIfExists(minutes);
        long minutesDocument = api().queryParam("subject", adjustmentSubject).get("/api/v1/documents").then()
                .statusCode(200).body("totalItems", org.hamcrest.Matchers.equalTo(1)).extract().jsonPath()
                .getLong("items[0].id");
        adjustmentPanel.findElement(By.cssSelector("tr[data-document='" + minutesDocument + "'] button.document-download"));
        assertTrue(adjustmentPanel.findElements(By.cssSelector(".alert")).isEmpty());
        browser.screenshot("workflow-adjustment-documents");
        browser.signOut();

        // The pair's clerk sees the adjustment and its documents on the pair's page, without the upload.
        browser.signIn(yiwu, PASSWORD);
        browser.page("mine");
        browser.open(root + "#/pair/" + pairing + "?year=2024");
        browser.page("pair");
        WebElement shown = browser.find(By.cssSelector("#pair-adjustments details.record-documents[data-subject='"
                + adjustmentSubject + "']"));
        browser.click(shown.findElement(By.tagName("summary")));
        browser.until(d -> "1".equals(shown.getAttribute("data-count")));
        assertTrue(shown.findElements(By.cssSelector("form.document-upload")).isEmpty());
    }
}
