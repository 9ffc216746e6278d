package org.tandem.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a browser test class, driven through Debian's chromium-driver (nothing is
 * downloaded). Without /usr/bin/chromedriver the tests are skipped with a message, unless
 * TANDEM_REQUIRE_BROWSER=1 (CI), which makes them fail instead. Screenshots go to target/console-screenshots/.
 */
final class Browser implements AutoCloseable {

    static final Path DRIVER = Path.of(System.getProperty("tandem.chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("tandem.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Path DOWNLOADS = Path.of("target", "console-downloads").toAbsolutePath();

    final ChromeDriver driver;
    private final Path profile;
    final WebDriverWait wait;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** Why the browser tests are skipped on a machine without the browser. */
    static final String SKIP_REASON = "no /usr/bin/chromium or /usr/bin/chromedriver: apt-get install chromium "
            + "chromium-driver to run the web console's browser tests (CI sets TANDEM_REQUIRE_BROWSER=1 and fails instead)";
    static final String MISSING = "Browser tests need Debian's chromium and chromium-driver (" + DRIVER + ", "
            + CHROMIUM + "): apt-get install chromium chromium-driver";

    private static boolean present() {
        return Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM);
    }

    private static boolean required() {
        return "1".equals(System.getenv("TANDEM_REQUIRE_BROWSER"));
    }

    /**
     * Whether the browser test classes run ({@code @EnabledIf}): when the browser is installed, or when
     * TANDEM_REQUIRE_BROWSER=1 (then a missing one fails them). Otherwise they are reported as skipped, with why.
     */
    static boolean wanted() {
        if (!present() && !required()) {
            System.err.println("SKIPPED the web console's browser tests: " + MISSING);
            return false;
        }
        return true;
    }

    /** Starts the browser, or fails (CI) when it is not installed. */
    static Browser start() {
        if (!present()) {
            if (required()) {
                Assertions.fail(MISSING + " (TANDEM_REQUIRE_BROWSER=1: CI must run them)");
            }
            Assumptions.abort("Skipped: " + MISSING);
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.createDirectories(DOWNLOADS);
            Path profile = Files.createTempDirectory("tandem-chromium-");
            System.setProperty("webdriver.chrome.driver", DRIVER.toString());
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1366,900", "--lang=zh-CN", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                    "download.prompt_for_download", false, "intl.accept_languages", "zh-CN"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    /** Opens the console signed out: whatever an earlier test left in the tab's sessionStorage is forgotten. */
    void openSignedOut(String url) {
        driver.get(url);
        driver.executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        find(By.id("signin"));
    }

    /** Every visible input, select and textarea has a label (a label element for it, or aria-label). */
    List<?> unlabelledInputs() {
        return (List<?>) driver.executeScript(
                "return [...document.querySelectorAll('input, select, textarea')].filter(e => e.type !== 'hidden'"
                        + " && !e.getAttribute('aria-label') && !(e.id && document.querySelector('label[for=\"' + e.id + '\"]'))"
                        + " && !e.closest('label')).map(e => e.name || e.outerHTML)");
    }

    /** Waits for the element to be there and visible. */
    WebElement find(By by) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Waits until the page in the main area has finished loading. */
    WebElement page(String name) {
        return find(By.cssSelector("#main [data-page='" + name + "'][data-ready='true']"));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    void signIn(String username, String password) {
        WebElement form = find(By.id("signin"));
        form.findElement(By.name("username")).sendKeys(username);
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /**
     * Signs in afresh at {@code root} as {@code username}, waits for the role's home page {@code home}, then opens the
     * console's {@code route} (e.g. {@code funding?program=X&year=2024}) and waits for its page.
     */
    void openAs(String root, String username, String password, String home, String route) {
        openSignedOut(root);
        signIn(username, password);
        page(home);
        open(root + "#/" + route);
        page(route.replaceFirst("[/?].*", ""));
    }

    /**
     * Clicks {@code element} once it is scrolled to the middle of the window, where nothing fixed to an edge (the
     * messages at the bottom right) covers it.
     */
    void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
        element.click();
    }

    void signOut() {
        find(By.id("signout")).click();
        find(By.id("signin"));
    }

    /** Saves a screenshot as target/console-screenshots/NAME.png. */
    void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: left for the system to clean
            }
        }
    }
}
