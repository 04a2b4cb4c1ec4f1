package coop.intercoop.hub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
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
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser tests' scaffolding: Debian's headless Chromium, a profile per test with its downloads, sign-in, and the
 * wait for what an ajax request or a redirect brings. Closing checks that no page of the test was refused anything by
 * the portal's Content-Security-Policy.
 */
public final class Browsers implements AutoCloseable {

    /** How long a page may take to bring what a test waits for. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final Path profile;
    private final Path downloads;
    private final List<WebDriver> opened = new ArrayList<>();

    /** A test's browsers, in a fresh profile directory. */
    public Browsers(String test) throws IOException {
        profile = Files.createTempDirectory(test);
        downloads = Files.createDirectories(profile.resolve("downloads"));
    }

    /** Skips the test without Chromium and ChromeDriver, or fails it in CI ({@code CI} set), where they must be. */
    public static void requireChromium() {
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
     * A browser of its own (profile, cookies, session) in a window of this size, saving downloads to
     * {@link #downloads()}.
     */
    public WebDriver open(int width, int height) throws IOException {
        Path own = Files.createDirectories(profile.resolve("browser-" + opened.size()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--user-data-dir=" + own);
        // a service per browser: quitting a ChromeDriver also stops its driver service
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, BrowserConsole.kept(options));
        opened.add(chrome);
        // headless Chromium saves downloads only where it is told to
        chrome.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        chrome.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return chrome;
    }

    /** Where the browsers save what they download. */
    public Path downloads() {
        return downloads;
    }

    /** Quits every browser, removes the profile, and fails if the Content-Security-Policy refused part of a page. */
    @Override
    public void close() throws IOException {
        List<String> violations = new ArrayList<>();
        for (WebDriver each : opened) {
            violations.addAll(BrowserConsole.policyViolations(each));
            each.quit();
        }
        opened.clear();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        assertEquals(List.of(), violations, "the Content-Security-Policy refused part of a page");
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

    /** Waits for what an ajax request or a redirect brings; fails with the page when it does not come. */
    public static void await(WebDriver browser, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
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
    }

    /**
     * Saves the page a test waited on in vain under {@code target/browser-failures}, so that the failure's message stays
     * short enough for a build log's summary to show which test it was.
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
