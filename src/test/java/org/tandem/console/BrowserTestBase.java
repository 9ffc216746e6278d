package org.tandem.console;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What every browser test class shares: one Chromium for the class, the console's address, and a screenshot at
 * the end of every test, named by {@link #screenshots()} and the test. Subclasses carry {@code @QuarkusTest} and
 * {@code @EnabledIf(value = "org.tandem.console.Browser#wanted", disabledReason = Browser.SKIP_REASON)}.
 */
abstract class BrowserTestBase {

    static Browser browser;

    @TestHTTPResource("/")
    URL root;

    /** The prefix of this class's screenshots. */
    abstract String screenshots();

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot(screenshots() + "-" + test.getTestMethod().orElseThrow().getName() + "-end");
    }
}
