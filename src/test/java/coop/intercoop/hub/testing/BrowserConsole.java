package coop.intercoop.hub.testing;

import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Chromium's console as the browser tests read it: what the pages' Content-Security-Policy refused (a script, a style,
 * an event handler), which a page that still looks right may hide.
 */
public final class BrowserConsole {

    private BrowserConsole() {
    }

    /** Keeps the console's messages for {@link #policyViolations}. */
    public static ChromeOptions kept(ChromeOptions options) {
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    /** The console's refusals by the Content-Security-Policy since the last call. */
    public static List<String> policyViolations(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }
}
