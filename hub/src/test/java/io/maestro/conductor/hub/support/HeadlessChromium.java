package io.maestro.conductor.hub.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's Debian {@code chromium} and {@code chromium-driver}, headless (never a downloaded browser), logged in
 * to the hub: its login is HTTP Basic, and credentials in the URL are not sent for a page's own fetches, so the
 * {@code Authorization} header is set for every request through the DevTools protocol.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver browser;

    public HeadlessChromium(String user, String password) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(onPath("chromium"))
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=1400,1000");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(onPath("chromedriver")))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand(
                "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + basic)));
    }

    public ChromeDriver driver() {
        return browser;
    }

    public void open(String url) {
        browser.get(url);
    }

    /** Read by script: the console re-renders, so an element found a moment ago may already be gone. */
    public String pageText() {
        return String.valueOf(browser.executeScript("return document.body ? document.body.innerText : ''"));
    }

    /** Waits until the page's text passes {@code check}. */
    public void waitForText(Predicate<String> check) {
        new WebDriverWait(browser, PATIENCE).until(page -> check.test(pageText()));
    }

    /** Saves a screenshot of the page to {@code file} (for people to look at after the build). */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.quit();
    }

    /** A program on the PATH, where Debian's packages put it (no machine path in the code). */
    private static String onPath(String program) {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .map(dir -> new File(dir, program))
                .filter(File::canExecute)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(program + " is not on the PATH; install Debian's "
                        + "chromium and chromium-driver (.ci/run does)"))
                .getAbsolutePath();
    }
}
