package org.tandem.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Signing in to the console as each role, what each one is shown, renewal, the language switch, signing out. */
@QuarkusTest
@EnabledIf(value = "org.tandem.console.Browser#wanted", disabledReason = Browser.SKIP_REASON)
class SignInBrowserTest extends BrowserTestBase {

    @Override
    String screenshots() {
        return "signin";
    }

    private Set<String> nav() {
        return browser.driver.findElements(By.cssSelector("#nav a")).stream().map(a -> a.getAttribute("data-page"))
                .collect(Collectors.toSet());
    }

    private Object session() {
        return browser.driver.executeScript("return sessionStorage.getItem('tandem.session')");
    }

    @Test
    void adminSignsInWithTheKeyboardIsRenewedSwitchesLanguageAndSignsOut() {
        browser.openSignedOut(root.toString());
        // A wrong password is told in words, not as JSON.
        browser.signIn("admin", "not-the-password");
        WebElement alert = browser.find(By.cssSelector("#signin .alert"));
        assertFalse(alert.getText().isBlank());
        assertFalse(alert.getText().contains("{"), alert.getText());
        assertNull(session());
        browser.screenshot("signin-wrong-password");

        // Keyboard only: type, Enter.
        WebElement user = browser.find(By.name("username"));
        user.clear();
        user.sendKeys("admin", Keys.TAB);
        WebElement password = browser.driver.switchTo().activeElement();
        assertEquals("password", password.getAttribute("name"), "Tab goes from the username to the password");
        password.clear();
        password.sendKeys(Api.ADMIN_PASSWORD, Keys.ENTER);
        browser.page("dashboard");
        assertEquals(Set.of("dashboard", "ranking", "mine", "approvals", "review", "calendar", "schemes", "programs",
                "users", "webhooks", "indicators", "funding", "audit"), nav());
        assertFalse(browser.find(By.id("who")).getText().isBlank(), "who is signed in");
        browser.screenshot("signin-admin-dashboard");
        // Every input on the page has a label.
        assertTrue(browser.unlabelledInputs().isEmpty(), "inputs without a label: " + browser.unlabelledInputs());

        // The token lives in sessionStorage only, and is renewed by the refresh token.
        String before = session().toString();
        assertTrue(before.contains("accessToken"));
        assertNull(browser.driver.executeScript("return localStorage.getItem('tandem.session')"));
        Object renewed = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/console/api.js').then(m => m.renew()).then(() => done('ok'), e => done(String(e)));");
        assertEquals("ok", renewed);
        assertNotEquals(before, session().toString());
        browser.find(By.cssSelector("#nav a[data-page='users']")).click();
        browser.page("users");

        // English on request, Chinese by default.
        assertEquals("用户", browser.find(By.cssSelector("#nav a[data-page='users']")).getText());
        browser.find(By.id("lang")).click();
        browser.until(d -> d.findElement(By.cssSelector("#nav a[data-page='users']")).getText().equals("Users"));
        browser.page("users");
        browser.screenshot("signin-admin-users-en");
        browser.find(By.id("lang")).click();
        browser.until(d -> d.findElement(By.cssSelector("#nav a[data-page='users']")).getText().equals("用户"));

        browser.signOut();
        assertNull(session());
        assertTrue(nav().isEmpty());
    }

    @Test
    void adminCreatesAProgrammeDesignatesItsCountiesAndPairsThem() {
        String code = Fixtures.uniqueCode("UI");
        browser.openSignedOut(root.toString());
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.page("dashboard");
        browser.find(By.cssSelector("#nav a[data-page='programs']")).click();
        browser.page("programs");
        WebElement create = browser.find(By.id("new-program"));
        create.findElement(By.name("code")).sendKeys(code);
        create.findElement(By.name("name")).sendKeys("界面测试计划");
        create.findElement(By.name("startYear")).sendKeys("2026");
        create.findElement(By.name("endYear")).sendKeys("2025");
        create.findElement(By.cssSelector("button[type=submit]")).click();
        // A wrong year range is told in words; nothing is created.
        browser.find(By.cssSelector("#new-program .alert"));
        api().get("/api/v1/programs/{code}", code).then().statusCode(404);
        WebElement end = browser.find(By.cssSelector("#new-program [name=endYear]"));
        end.clear();
        end.sendKeys("2028");
        browser.find(By.cssSelector("#new-program button[type=submit]")).click();
        browser.until(d -> api().get("/api/v1/programs/{code}", code).then().extract().statusCode() == 200);

        // The page turns to the new programme.
        browser.until(d -> code.equals(d.findElement(By.cssSelector("#main select[name=program]")).getAttribute("value")));
        WebElement designations = browser.find(By.id("designations"));
        designations.findElement(By.name("industrial")).sendKeys(Fixtures.YIWU);
        designations.findElement(By.name("mountain")).sendKeys(Fixtures.LIANDU);
        designations.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> api().get("/api/v1/programs/{code}/counties", code).then().extract().jsonPath()
                .getList("mountain").size() == 1);

        browser.until(d -> d.findElements(By.cssSelector("#new-pairing select[name=industrialCounty] option")).size() == 1);
        browser.find(By.cssSelector("#new-pairing button[type=submit]")).click();
        browser.until(d -> api().queryParam("program", code).get("/api/v1/pairings").then().extract().jsonPath()
                .getInt("totalItems") == 1);
        browser.page("programs");
        browser.screenshot("signin-admin-programme");
        JsonPath pairing = api().queryParam("program", code).get("/api/v1/pairings").then().extract().jsonPath();
        assertEquals(Fixtures.YIWU, pairing.getString("items[0].industrialCounty.code"));
        assertEquals(Fixtures.LIANDU, pairing.getString("items[0].mountainCounty.code"));
        browser.signOut();
    }

    @Test
    void anAssessorAndAClerkSeeTheirOwnJobs() {
        String assessor = Fixtures.user("assessor", null);
        String clerk = Fixtures.user("county-editor", Fixtures.YIWU);
        browser.openSignedOut(root.toString());
        browser.signIn(assessor, Fixtures.PASSWORD);
        browser.page("dashboard");
        assertEquals(Set.of("dashboard", "ranking", "approvals", "review", "calendar", "schemes", "funding", "audit"),
                nav());
        browser.screenshot("signin-assessor");
        browser.signOut();

        browser.signIn(clerk, Fixtures.PASSWORD);
        browser.page("mine");
        assertEquals(Set.of("dashboard", "ranking", "mine", "approvals", "funding"), nav());
        browser.screenshot("signin-clerk");
        // A page the role may not use is not shown (the server stays the authority).
        browser.open(root + "#/users");
        WebElement refused = browser.find(By.cssSelector("#main .alert"));
        assertNotNull(refused.getText());
        assertTrue(browser.driver.findElements(By.id("new-user")).isEmpty());
        browser.signOut();
    }
}
