package coop.intercoop.hub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser tests' scaffolding: Debian's headless Chromium, sign-in, and the wait for what an ajax request or a
 * redirect brings. A test class keeps one browser for all its tests ({@link #kept}), emptied of cookies, storage and
 * downloads before each, since starting Chromium costs seconds; a test that needs another person's session opens a
 * browser of its own ({@link #open}), quit when the test ends. The end of each test ({@link #endOfTest}) checks that no
 * page it went through was refused anything by the portal's Content-Security-Policy.
 */
public final class Browsers implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** How long a page may take to bring what a test waits for. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);
    /** How long a lookup outside {@link #await} waits for its element to appear. */
    private static final int LOOKUP_SECONDS = 2;
    private static final Duration LOOKUP = Duration.ofSeconds(LOOKUP_SECONDS);
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final Path profile;
    private final Path downloads;
    private final List<WebDriver> opened = new ArrayList<>();
    private int profiles;
    private ChromeDriver kept;

    /** A test class's browsers, in a fresh profile directory. */
    public Browsers(String test) {
        try {
            profile = Files.createTempDirectory(test);
            downloads = Files.createDirectories(profile.resolve("downloads"));
        } catch (IOException e) {
            throw new UncheckedIOException("No profile directory for " + test, e);
        }
    }

    /** Skips the test without Chromium and ChromeDriver, or fails it in CI ({@code CI} set), where they must be. */
    private static void requireChromium() {
        for (File needed : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!needed.canExecute()) {
                String why = needed + " is missing: install Debian's chromium and chromium-driver";
                if (System.getenv("CI") != null) {
                    fail(why);
                }
                Assumptions.abort(why);
            }
        }
    }

    /**
     * The class's kept browser in a window of this size, started at the first test and, at every later one, emptied of
     * the last test's cookies, storage and downloads, on a blank page.
     */
    public WebDriver kept(int width, int height) throws IOException {
        if (kept != null) {
            try {
                String origin = kept.getCurrentUrl();
                kept.get("about:blank");
                kept.executeCdpCommand("Network.clearBrowserCookies", Map.of());
                if (origin.startsWith("http")) {
                    URI page = URI.create(origin);
                    kept.executeCdpCommand("Storage.clearDataForOrigin",
                            Map.of("origin", page.getScheme() + "://" + page.getAuthority(), "storageTypes", "all"));
                }
                kept.manage().window().setSize(new Dimension(width, height));
            } catch (WebDriverException unusable) { // the last test left it so (a dialog open, a crash): start another
                quietly(kept);
                kept = null;
            }
        }
        if (kept == null) {
            kept = start(width, height);
        }
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        return kept;
    }

    /**
     * A browser of its own (profile, cookies, session) in a window of this size, saving downloads to
     * {@link #downloads()}; quit at the end of the test.
     */
    public WebDriver open(int width, int height) throws IOException {
        ChromeDriver chrome = start(width, height);
        opened.add(chrome);
        return chrome;
    }

    private ChromeDriver start(int width, int height) throws IOException {
        Path own = Files.createDirectories(profile.resolve("browser-" + profiles++));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--user-data-dir=" + own);
        // a service per browser: quitting a ChromeDriver also stops its driver service
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, BrowserConsole.kept(options));
        // headless Chromium saves downloads only where it is told to
        chrome.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        chrome.manage().timeouts().implicitlyWait(LOOKUP);
        return chrome;
    }

    private static void quietly(WebDriver browser) {
        try {
            browser.quit();
        } catch (WebDriverException alreadyGone) {
            // nothing left to quit
        }
    }

    /** Where the browsers save what they download. */
    public Path downloads() {
        return downloads;
    }

    /**
     * Ends a test: quits the browsers it opened for itself, and fails if the Content-Security-Policy refused part of a
     * page of any of its browsers.
     */
    public void endOfTest() {
        List<String> violations = new ArrayList<>();
        if (kept != null) {
            violations.addAll(BrowserConsole.policyViolations(kept));
        }
        for (WebDriver each : opened) {
            violations.addAll(BrowserConsole.policyViolations(each));
            each.quit();
        }
        opened.clear();
        assertEquals(List.of(), violations, "the Content-Security-Policy refused part of a page");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        requireChromium();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        endOfTest();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    /** Quits every browser and removes the profile. */
    private void close() throws IOException {
        opened.forEach(WebDriver::quit);
        opened.clear();
        if (kept != null) {
            kept.quit();
            kept = null;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** Fills the login form and submits it. */
    public static void signIn(WebDriver browser, URL base, String username, String password) {
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:username")).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
    }

    /** The text of the first element found, or empty while there is none or the page replaces it. */
    public static String textOf(WebDriver browser, By locator) {
        List<WebElement> found = browser.findElements(locator);
        try {
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (StaleElementReferenceException replaced) {
            return "";
        }
    }

    /**
     * Whether nothing matches the locator on the page as it is: for what must not be there once the page has shown what
     * the test awaited, so the lookup does not wait {@value #LOOKUP_SECONDS} s for it to come.
     */
    public static boolean absent(WebDriver browser, By locator) {
        return withoutWaiting(browser, () -> browser.findElements(locator).isEmpty());
    }

    /** Asks the page as it is, without the implicit wait of each lookup: for checks of what must not be there. */
    public static boolean withoutWaiting(WebDriver browser, BooleanSupplier check) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return check.getAsBoolean();
        } finally {
            browser.manage().timeouts().implicitlyWait(LOOKUP);
        }
    }

    /** Waits for what an ajax request or a redirect brings; fails with the page when it does not come. */
    public static void await(WebDriver browser, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        // the condition is asked every 100 ms: a lookup of what is not there yet must not wait on its own
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            while (true) {
                try {
                    if (condition.getAsBoolean()) {
                        return;
                    }
                } catch (WebDriverException notYet) {
                    // the page is being replaced
                }
                if (Instant.now().isAfter(deadline)) {
                    fail("Waited " + PATIENCE.toSeconds() + " s in vain at " + browser.getCurrentUrl() + "; messages: '"
                            + textOf(browser, By.id("messages")) + "'; the page is in " + saved(browser));
                }
                pause(Duration.ofMillis(100));
            }
        } finally {
            browser.manage().timeouts().implicitlyWait(LOOKUP);
        }
    }

    /**
     * Saves the page a test waited on in vain under {@code target/browser-failures}, so that the failure's message
     * stays short enough for a build log's summary to show which test it was.
     */
    private static Path saved(WebDriver browser) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "browser-failures"));
            Path page = Files.createTempFile(directory, "page-", ".html");
            Files.writeString(page, browser.getPageSource());
            return page.toAbsolutePath();
        } catch (IOException | WebDriverException e) {
            return Path.of("(not saved: " + e + ")");
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
