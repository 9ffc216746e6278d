package org.tandem.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

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

/**
 * Money and evidence in the console: a clerk uploads a photo to a project, sees it listed and previewed, and it
 * downloads byte for byte; deleted with a reason, it leaves the list. All checked through the API.
 */
@QuarkusTest
@EnabledIf(value = "org.tandem.console.Browser#wanted", disabledReason = Browser.SKIP_REASON)
class MoneyAndEvidenceBrowserTest extends BrowserTestBase {

    @Override
    String screenshots() {
        return "money-evidence";
    }

    /** A one-page PDF, the smallest a reader accepts. */
    static final String PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n";

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path png() {
        return png(0x40);
    }

    /** A 40 × 30 PNG whose blue is {@code blue}: different blues, different files. */
    static Path png(int blue) {
        try {
            BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 40; x++) {
                for (int y = 0; y < 30; y++) {
                    image.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | blue);
                }
            }
            Path file = Files.createTempFile("园区照片", ".png");
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theClerkUploadsPreviewsAndDeletesAProjectsDocument() throws IOException {
        long pairing = Fixtures.yiwuLiandu();
        long project = api().body(Map.of("track", "PROJECT_COOP", "title", "环龙新材料", "hostCounty", Fixtures.LIANDU,
                "plannedOn", "2024-02-01", "investment", 150000000)).post("/api/v1/pairings/{id}/projects", pairing)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String subject = "project:" + project;
        String clerk = Fixtures.user("county-editor", Fixtures.YIWU);
        Path file = png();
        byte[] bytes = Files.readAllBytes(file);

        browser.openSignedOut(root.toString());
        browser.signIn(clerk, Fixtures.PASSWORD);
        browser.page("mine");
        browser.open(root + "#/edit/" + pairing + "?year=2024");
        browser.page("edit");
        WebElement panel = browser.find(By.cssSelector("details.record-documents[data-subject='" + subject + "']"));
        panel.findElement(By.tagName("summary")).click();
        browser.until(d -> "0".equals(panel.getAttribute("data-count")));
        assertTrue(browser.unlabelledInputs().isEmpty(), "inputs without a label: " + browser.unlabelledInputs());
        panel.findElement(By.cssSelector("input.document-file")).sendKeys(file.toAbsolutePath().toString());
        panel.findElement(By.cssSelector("form.document-upload button[type=submit]")).click();
        browser.until(d -> "1".equals(panel.getAttribute("data-count")));

        // Listed through the API with the same SHA-256 the page shows, and downloaded byte for byte.
        JsonPath listed = api().queryParam("subject", subject).get("/api/v1/documents").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, listed.getInt("totalItems"));
        assertEquals("image/png", listed.getString("items[0].mediaType"));
        assertEquals(file.getFileName().toString(), listed.getString("items[0].fileName"));
        long document = listed.getLong("items[0].id");
        WebElement row = panel.findElement(By.cssSelector("tr[data-document='" + document + "']"));
        assertEquals(sha256(bytes), row.getAttribute("data-sha256"));
        byte[] downloaded = api().get("/api/v1/documents/{id}/content", document).then().statusCode(200).extract()
                .asByteArray();
        assertEquals(sha256(bytes), sha256(downloaded));

        // The download button fetches it with the token (no error shown), the preview shows the image.
        row.findElement(By.cssSelector("button.document-download")).click();
        row.findElement(By.cssSelector("button.document-preview-button")).click();
        WebElement image = browser.find(By.cssSelector("details[data-subject='" + subject + "'] .document-preview img"));
        browser.until(d -> Long.valueOf(40).equals(
                browser.driver.executeScript("return arguments[0].naturalWidth", image)));
        assertTrue(panel.findElements(By.cssSelector(".alert")).isEmpty());
        browser.screenshot("money-evidence-preview");

        // A PDF is previewed in a frame of its own.
        Path pdf = Files.createTempFile("签约协议", ".pdf");
        Files.writeString(pdf, PDF, java.nio.charset.StandardCharsets.ISO_8859_1);
        browser.find(By.cssSelector("details[data-subject='" + subject + "'] input.document-file"))
                .sendKeys(pdf.toAbsolutePath().toString());
        panel.findElement(By.cssSelector("form.document-upload button[type=submit]")).click();
        browser.until(d -> "2".equals(panel.getAttribute("data-count")));
        long pdfDocument = api().queryParam("subject", subject).get("/api/v1/documents").then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.mediaType == 'application/pdf' }.id");
        browser.find(By.cssSelector("details[data-subject='" + subject + "'] tr[data-document='" + pdfDocument
                + "'] button.document-preview-button")).click();
        WebElement frame = browser.find(By.cssSelector("details[data-subject='" + subject + "'] .document-preview iframe"));
        assertTrue(frame.getAttribute("src").startsWith("blob:"));
        Files.deleteIfExists(pdf);

        // A new version of the photo: the list shows it, the first stays listed and downloadable under its versions.
        Path second = png(0xc0);
        byte[] secondBytes = Files.readAllBytes(second);
        row = browser.find(By.cssSelector("details[data-subject='" + subject + "'] tr[data-document='" + document + "']"));
        row.findElement(By.cssSelector("button.new-version")).click();
        row.findElement(By.cssSelector("input.version-file")).sendKeys(second.toAbsolutePath().toString());
        row.findElement(By.cssSelector("form.document-version button[type=submit]")).click();
        WebElement replaced = browser.find(By.cssSelector("details[data-subject='" + subject + "'] tr[data-document='"
                + document + "'][data-version='2']"));
        assertEquals(sha256(secondBytes), replaced.getAttribute("data-sha256"));
        assertEquals(sha256(secondBytes), sha256(api().get("/api/v1/documents/{id}/content", document).then()
                .statusCode(200).extract().asByteArray()));
        replaced.findElement(By.cssSelector("details.document-versions summary")).click();
        WebElement first = browser.find(By.cssSelector("details[data-subject='" + subject + "'] tr[data-document='"
                + document + "'] details.document-versions tr[data-version='1']"));
        assertEquals(sha256(bytes), first.getAttribute("data-sha256"));
        assertEquals(List.of(1, 2), api().get("/api/v1/documents/{id}/versions", document).then().statusCode(200)
                .extract().jsonPath().getList("number"));
        first.findElement(By.cssSelector("button.version-download")).click();
        assertTrue(panel.findElements(By.cssSelector(".alert")).isEmpty());
        browser.screenshot("money-evidence-versions");
        Files.deleteIfExists(second);

        // Deleted with a reason: gone from the list, kept with its reason.
        row = browser.find(By.cssSelector("details[data-subject='" + subject + "'] tr[data-document='" + document + "']"));
        row.findElement(By.cssSelector("button.delete")).click();
        WebElement reason = row.findElement(By.cssSelector("form.document-delete input[name=reason]"));
        reason.sendKeys("照片重复");
        row.findElement(By.cssSelector("form.document-delete button[type=submit]")).click();
        browser.until(d -> "1".equals(panel.getAttribute("data-count")));
        assertEquals("照片重复", api().get("/api/v1/documents/{id}", document).then().statusCode(200).extract()
                .path("deleteReason"));
        panel.findElement(By.cssSelector("input.documents-deleted")).click();
        browser.until(d -> "2".equals(panel.getAttribute("data-count")));
        assertTrue(browser.find(By.cssSelector("details[data-subject='" + subject + "'] tr[data-document='" + document
                + "'] .deleted")).getText().contains("照片重复"));
        Files.deleteIfExists(file);
    }

    /** Two pairs of a new programme, assessed in 2024 and finalized, with a published rule of 1 000 000 CNY. */
    private static String finalizedYearWithRule() {
        return finalizedYearWithRule(new int[][] { { 100, 100 }, { 50, 100 } }, false);
    }

    /**
     * Two pairs of a new programme with these actuals (of targets 100 and 100), assessed in 2024 and finalized, with a
     * published rule of 1 000 000 CNY that claws back all of a failed pair's share; a failed pair keeps its base share
     * when {@code failedKeepsBase}.
     */
    private static String finalizedYearWithRule(int[][] actuals, boolean failedKeepsBase) {
        String program = finalizedYear(actuals);
        Map<String, Object> terms = Map.of("total", new BigDecimal("1000000"), "basePercent", 40,
                "gradeCoefficients", List.of(Map.of("grade", "EXCELLENT", "coefficient", 1.5),
                        Map.of("grade", "GOOD", "coefficient", 1.2), Map.of("grade", "PASS", "coefficient", 1),
                        Map.of("grade", "FAIL", "coefficient", 0)),
                "failedKeepsBase", failedKeepsBase, "clawbackPercent", 100);
        long rule = api().body(Map.of("name", "测试分配规则", "terms", terms))
                .post("/api/v1/programs/{code}/years/2024/allocation-rules", program).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        api().post("/api/v1/allocation-rules/{id}/publish", rule).then().statusCode(200);
        return program;
    }

    /** Two pairs of a new programme with these actuals (of targets 100 and 100), assessed in 2024 and finalized. */
    private static String finalizedYear(int[][] actuals) {
        String program = Fixtures.program(List.of(Fixtures.YIWU, Fixtures.NANHU), List.of(Fixtures.LIANDU, Fixtures.SUICHANG));
        List<String> industrial = List.of(Fixtures.YIWU, Fixtures.NANHU);
        List<String> mountain = List.of(Fixtures.LIANDU, Fixtures.SUICHANG);
        for (int i = 0; i < 2; i++) {
            long pairing = Fixtures.pairing(program, industrial.get(i), mountain.get(i));
            for (String kind : List.of("targets", "actuals")) {
                int supply = kind.equals("targets") ? 100 : actuals[i][0];
                int leads = kind.equals("targets") ? 100 : actuals[i][1];
                api().body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", supply),
                        Map.of("indicator", "INVESTMENT_LEADS_SHARED", "value", leads))))
                        .put("/api/v1/pairings/{id}/years/2024/" + kind, pairing).then().statusCode(200);
            }
        }
        AnnualAssessmentTest.publishedScheme(program, 2024);
        AnnualAssessmentTest.run(program);
        api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments").then()
                .statusCode(200).extract().jsonPath().<Integer> getList("items.id")
                .forEach(id -> api().post("/api/v1/assessments/{id}/finalize", id).then().statusCode(200));
        return program;
    }

    @Test
    void theAssessorComputesApprovesAndDisbursesAnAllocation() {
        String program = finalizedYearWithRule();
        String assessor = Fixtures.user("assessor", null);
        browser.openSignedOut(root.toString());
        browser.signIn(assessor, Fixtures.PASSWORD);
        browser.page("dashboard");
        String page = root + "#/funding?program=" + program + "&year=2024";
        browser.open(page);
        browser.page("funding");
        browser.find(By.cssSelector("#rules tbody tr"));
        browser.find(By.id("compute-allocation")).click();
        WebElement draft = browser.find(By.cssSelector(".allocation[data-status='DRAFT']"));
        long allocation = Long.parseLong(draft.getAttribute("data-allocation"));
        assertEquals("DRAFT", api().get("/api/v1/allocations/{id}", allocation).then().statusCode(200).extract()
                .path("status"));
        draft.findElement(By.tagName("summary")).click();
        browser.screenshot("money-evidence-allocation-draft");
        draft.findElement(By.cssSelector("button.approve-allocation")).click();
        browser.find(By.cssSelector(".allocation[data-allocation='" + allocation + "'][data-status='APPROVED']"));
        assertEquals("APPROVED", api().get("/api/v1/allocations/{id}", allocation).then().extract().path("status"));

        // A disbursement recorded in the page; the balances shown are the API's.
        WebElement form = browser.find(By.id("disburse"));
        form.findElement(By.name("amount")).sendKeys("120000.50");
        browser.driver.executeScript("arguments[0].value = '2024-06-30'", form.findElement(By.name("paidOn")));
        form.findElement(By.name("reference")).sendKeys("浙财拨〔2024〕1号");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> api().queryParam("program", program).queryParam("year", 2024)
                .queryParam("kind", "DISBURSEMENT").get("/api/v1/ledger").then().extract().jsonPath()
                .getInt("totalItems") == 1);
        browser.open(page + "&again");
        browser.page("funding");
        JsonPath balances = api().queryParam("program", program).queryParam("year", 2024)
                .queryParam("groupBy", "pairing").get("/api/v1/ledger/balances").then().statusCode(200).extract()
                .jsonPath();
        List<Map<String, Object>> items = balances.getList("items");
        assertEquals(2, items.size());
        for (Map<String, Object> item : items) {
            WebElement row = browser.find(By.cssSelector("#balances tr[data-key='" + item.get("key") + "']"));
            assertEquals(0, new BigDecimal(item.get("balance").toString())
                    .compareTo(new BigDecimal(row.getAttribute("data-balance"))));
        }
        BigDecimal total = new BigDecimal(balances.getString("totals.balance"));
        assertEquals(0, new BigDecimal("879999.50").compareTo(total), "1 000 000 allocated, 120 000.50 paid");
        assertEquals(0, total.compareTo(new BigDecimal(browser.find(By.cssSelector("#balances tr[data-key='total']"))
                .getAttribute("data-balance"))));
        assertEquals(3, browser.driver.findElements(By.cssSelector("#ledger tbody tr")).size());
        browser.screenshot("money-evidence-balances");

        // A county editor reads their own pair's balance, and is offered nothing to write.
        String clerk = Fixtures.user("county-editor", Fixtures.YIWU);
        browser.signOut();
        browser.signIn(clerk, Fixtures.PASSWORD);
        browser.page("mine");
        browser.open(page + "&clerk");
        browser.page("funding");
        JsonPath own = Api.as(clerk, Fixtures.PASSWORD).queryParam("program", program).queryParam("year", 2024)
                .queryParam("groupBy", "pairing").get("/api/v1/ledger/balances").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(1, own.getList("items").size());
        WebElement mine = browser.find(By.cssSelector("#balances tr[data-key='" + own.getString("items[0].key") + "']"));
        assertEquals(0, new BigDecimal(own.getString("items[0].balance"))
                .compareTo(new BigDecimal(mine.getAttribute("data-balance"))));
        assertEquals(2, browser.driver.findElements(By.cssSelector("#balances tbody tr")).size(), "own pair and total");
        assertTrue(browser.driver.findElements(By.id("compute-allocation")).isEmpty());
        assertTrue(browser.driver.findElements(By.id("disburse")).isEmpty());
        assertTrue(browser.driver.findElements(By.cssSelector("button.approve-allocation")).isEmpty());
    }

    @Test
    void theAssessorReversesAnEntryAndClawsBackAFailedPairsShare() {
        // The second pair scores 20 of 100: FAIL, keeping its base share until it is clawed back.
        String program = finalizedYearWithRule(new int[][] { { 100, 100 }, { 20, 20 } }, true);
        long allocation = approvedAllocation(program);
        JsonPath approved = api().get("/api/v1/allocations/{id}", allocation).then().statusCode(200).extract()
                .jsonPath();
        long passedPair = approved.getLong("breakdown.lines.find { it.passed }.pairing");
        long failedPair = approved.getLong("breakdown.lines.find { !it.passed }.pairing");
        long paid = api().body(Map.of("kind", "DISBURSEMENT", "pairing", passedPair, "year", 2024, "amount", 1000,
                "paidOn", "2024-06-30", "reference", "WRONG-REF")).post("/api/v1/ledger/entries").then()
                .statusCode(201).extract().jsonPath().getLong("id");

        browser.openAs(root.toString(), Fixtures.user("assessor", null), Fixtures.PASSWORD, "dashboard",
                "funding?program=" + program + "&year=2024");

        // The disbursement reversed with a reason: a correction of its amount, negated, naming it.
        WebElement row = browser.find(By.cssSelector("#ledger tr[data-entry='" + paid + "']"));
        row.findElement(By.cssSelector("button.reverse")).click();
        row.findElement(By.name("reason")).sendKeys("凭证号错误");
        assertTrue(browser.unlabelledInputs().isEmpty(), "inputs without a label: " + browser.unlabelledInputs());
        row.findElement(By.cssSelector("form.reverse-form button[type=submit]")).click();
        browser.find(By.cssSelector("#ledger tr[data-kind='CORRECTION']"));
        JsonPath corrections = ledger(program, "CORRECTION");
        assertEquals(1, corrections.getInt("totalItems"));
        assertEquals(paid, corrections.getLong("items[0].reverses"));
        assertEquals(0, new BigDecimal("-1000").compareTo(new BigDecimal(corrections.getString("items[0].amount"))));
        assertEquals("凭证号错误", corrections.getString("items[0].reason"));
        assertTrue(browser.find(By.cssSelector("#ledger tr[data-kind='CORRECTION']")).getText().contains("#" + paid),
                "the correction names the entry it reverses");
        // Reversed once: the entry names its correction, and neither offers it again.
        assertTrue(browser.find(By.cssSelector("#ledger tr[data-entry='" + paid + "'] .reversed-by")).getText()
                .contains("#" + corrections.getLong("items[0].id")), "the reversed entry names its correction");
        assertTrue(browser.find(By.cssSelector("#ledger tr[data-entry='" + paid + "']"))
                .findElements(By.cssSelector("button.reverse")).isEmpty());
        assertTrue(browser.find(By.cssSelector("#ledger tr[data-kind='CORRECTION']"))
                .findElements(By.cssSelector("button.reverse")).isEmpty());

        // The failed pair, the only one offered, gives its share back.
        WebElement form = browser.find(By.id("clawback"));
        assertEquals(List.of(String.valueOf(failedPair)), new Select(form.findElement(By.name("pairing"))).getOptions()
                .stream().map(option -> option.getAttribute("value")).toList());
        form.findElement(By.name("reason")).sendKeys("年度考核不合格，收回基础份额");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.find(By.cssSelector("#ledger tr[data-kind='CLAWBACK']"));
        JsonPath clawbacks = ledger(program, "CLAWBACK");
        assertEquals(1, clawbacks.getInt("totalItems"));
        assertEquals(failedPair, clawbacks.getLong("items[0].pairing"));
        assertEquals("年度考核不合格，收回基础份额", clawbacks.getString("items[0].reason"));
        JsonPath balance = api().queryParam("program", program).queryParam("year", 2024).queryParam("groupBy", "pairing")
                .get("/api/v1/ledger/balances").then().statusCode(200).extract().jsonPath();
        String key = String.valueOf(failedPair);
        BigDecimal clawedBack = new BigDecimal(balance.getString("items.find { it.key == '" + key + "' }.clawedBack"));
        assertTrue(clawedBack.signum() > 0, "the base share came back: " + clawedBack);
        assertEquals(0, new BigDecimal(balance.getString("items.find { it.key == '" + key + "' }.balance"))
                .compareTo(new BigDecimal(browser.find(By.cssSelector("#balances tr[data-key='" + key + "']"))
                        .getAttribute("data-balance"))));
        browser.driver.executeScript("document.getElementById('ledger').scrollIntoView()");
        browser.screenshot("money-evidence-correction-clawback");
    }

    @Test
    void theLedgerIsShownInPagesOfAHundred() {
        String program = finalizedYearWithRule(new int[][] { { 100, 100 }, { 100, 100 } }, false);
        long allocation = approvedAllocation(program);
        long pairing = api().get("/api/v1/allocations/{id}", allocation).then().statusCode(200).extract().jsonPath()
                .getLong("breakdown.lines[0].pairing");
        int allocated = ledger(program, "ALLOCATION").getInt("totalItems");
        long last = 0;
        for (int i = allocated; i < 101; i++) {
            last = api().body(Map.of("kind", "DISBURSEMENT", "pairing", pairing, "year", 2024, "amount", 1, "paidOn",
                    "2024-06-30", "reference", "R-" + i)).post("/api/v1/ledger/entries").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
        }

        browser.openAs(root.toString(), Fixtures.user("assessor", null), Fixtures.PASSWORD, "dashboard",
                "funding?program=" + program + "&year=2024");
        assertEquals(100, browser.driver.findElements(By.cssSelector("#ledger tbody tr")).size());
        WebElement pages = browser.find(By.cssSelector("#ledger .ledger-pages"));
        assertEquals("1–100 / 101", pages.findElement(By.tagName("span")).getText());
        browser.click(pages.findElement(By.linkText("›")));
        long newest = last;
        browser.until(d -> d.findElements(By.cssSelector("#ledger tbody tr")).size() == 1);
        assertEquals(String.valueOf(newest), browser.find(By.cssSelector("#ledger tbody tr")).getAttribute("data-entry"));
        assertEquals("101–101 / 101", browser.find(By.cssSelector("#ledger .ledger-pages span")).getText());
    }

    /** The programme's allocation of 2024, computed and approved into the ledger. */
    private static long approvedAllocation(String program) {
        long allocation = api().body(Map.of()).post("/api/v1/programs/{code}/years/2024/allocations", program).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        api().post("/api/v1/allocations/{id}/approve", allocation).then().statusCode(200);
        return allocation;
    }

    private static JsonPath ledger(String program, String kind) {
        return api().queryParam("program", program).queryParam("year", 2024).queryParam("kind", kind)
                .get("/api/v1/ledger").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theAssessorWritesEditsAndPublishesAnAllocationRule() {
        String program = finalizedYear(new int[][] { { 100, 100 }, { 50, 100 } });
        String rules = "/api/v1/programs/" + program + "/years/2024/allocation-rules";
        browser.openAs(root.toString(), Fixtures.user("assessor", null), Fixtures.PASSWORD, "dashboard",
                "funding?program=" + program + "&year=2024");

        // A new rule: a coefficient asked for each grade of the year's scheme.
        browser.find(By.id("new-rule")).click();
        WebElement form = browser.find(By.id("rule-form"));
        assertTrue(browser.unlabelledInputs().isEmpty(), "inputs without a label: " + browser.unlabelledInputs());
        form.findElement(By.name("name")).sendKeys("2024年度资金分配规则");
        form.findElement(By.name("total")).sendKeys("1000000");
        form.findElement(By.name("basePercent")).sendKeys("40");
        form.findElement(By.name("clawbackPercent")).sendKeys("100");
        Map<String, String> coefficients = Map.of("EXCELLENT", "1.5", "GOOD", "1.2", "PASS", "1", "FAIL", "0");
        coefficients.forEach((grade, value) -> form.findElement(By.name("coefficient:" + grade)).sendKeys(value));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement draft = browser.find(By.cssSelector("#rules tr[data-status='DRAFT']"));
        long rule = Long.parseLong(draft.getAttribute("data-rule"));
        JsonPath written = api().get("/api/v1/allocation-rules/{id}", rule).then().statusCode(200).extract().jsonPath();
        assertEquals("2024年度资金分配规则", written.getString("name"));
        assertEquals(0, new BigDecimal("1000000").compareTo(new BigDecimal(written.getString("terms.total"))));
        assertEquals(0, new BigDecimal("1.5").compareTo(new BigDecimal(
                written.getString("terms.gradeCoefficients.find { it.grade == 'EXCELLENT' }.coefficient"))));
        assertEquals(false, written.getBoolean("terms.failedKeepsBase"));

        // A wrong total is refused in words and changes nothing; a right one is saved.
        draft.findElement(By.cssSelector("button.edit-rule")).click();
        WebElement editor = browser.find(By.id("rule-form"));
        editor.findElement(By.name("total")).clear();
        editor.findElement(By.name("total")).sendKeys("-5");
        editor.findElement(By.cssSelector("button[type=submit]")).click();
        browser.find(By.cssSelector("#rule-form .alert"));
        browser.screenshot("money-evidence-rule-refused");
        assertEquals(0, new BigDecimal("1000000").compareTo(new BigDecimal(api().get("/api/v1/allocation-rules/{id}", rule)
                .then().extract().jsonPath().getString("terms.total"))));
        editor.findElement(By.name("total")).clear();
        editor.findElement(By.name("total")).sendKeys("2000000");
        editor.findElement(By.name("failedKeepsBase")).click();
        editor.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> new BigDecimal("2000000").compareTo(new BigDecimal(api().get("/api/v1/allocation-rules/{id}",
                rule).then().extract().jsonPath().getString("terms.total"))) == 0);
        assertEquals(true, api().get("/api/v1/allocation-rules/{id}", rule).then().extract().jsonPath()
                .getBoolean("terms.failedKeepsBase"));

        // Published, and an allocation computed from it splits the new total.
        browser.find(By.cssSelector("#rules tr[data-rule='" + rule + "'] button.publish-rule")).click();
        browser.find(By.cssSelector("#rules tr[data-rule='" + rule + "'][data-status='PUBLISHED']"));
        assertEquals("PUBLISHED", api().get("/api/v1/allocation-rules/{id}", rule).then().extract().path("status"));
        assertEquals(1, api().get(rules).then().statusCode(200).extract().jsonPath().getInt("totalItems"));
        browser.find(By.id("compute-allocation")).click();
        browser.find(By.cssSelector(".allocation[data-status='DRAFT']"));
        assertEquals(0, new BigDecimal("2000000").compareTo(new BigDecimal(api().get(
                "/api/v1/programs/{code}/years/2024/allocations", program).then().statusCode(200).extract().jsonPath()
                .getString("items[0].total"))));
        browser.screenshot("money-evidence-allocation-rule");
    }
}
