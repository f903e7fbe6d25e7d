package com.assetcollections.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both named by path, so that
 * Selenium Manager is never asked to find (and download) a browser or a driver, and told to stay
 * offline should anything ask it anyway. Each browser gets a fresh profile, removed on {@link
 * #quit()}; the flags keep it from calling Google's services, which here only time out.
 */
public final class HeadlessChromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** The binaries of the two that are not installed: empty when the browser can start. */
    static List<String> missing() {
        return Stream.of(BROWSER, DRIVER)
                .filter(binary -> !Files.isExecutable(binary))
                .map(Path::toString)
                .toList();
    }

    public static HeadlessChromium start() {
        System.setProperty("SE_OFFLINE", "true"); // handed to Selenium Manager, were it ever run
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,1024",
                        "--user-data-dir=" + profile);
        // the page's console, to tell a script or style the Content-Security-Policy refused
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(20))
                .build();
        try {
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            removeProfile(profile);
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** What the pages printed to the console as errors since the last call, each with its source. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Ends the browser and its driver, and removes the profile. */
    public void quit() {
        try {
            driver.quit();
        } finally {
            removeProfile(profile);
        }
    }

    private static void removeProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
