package io.maestro.conductor.hub.hawtio;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.HubIntegrationTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator's view of the console in a real, headless Chromium (the machine's Debian {@code chromium} and
 * {@code chromium-driver}; never a downloaded browser): it logs in, loads Hawtio, sees the Camel routes tree (which
 * the console fills with Jolokia POSTs), and a Jolokia POST made by page script with the {@code XSRF-TOKEN} cookie
 * it can read succeeds.
 *
 * <p>The hub's login is HTTP Basic, and credentials in the URL are not sent for the console's own fetches, so the
 * {@code Authorization} header is set for every request through the DevTools protocol.
 */
@Tag("browser")
class HawtioBrowserTest extends HubIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
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
        String basic = Base64.getEncoder()
                .encodeToString((OPERATOR + ":" + operatorPassword()).getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand(
                "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + basic)));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theOperatorSeesTheCamelRoutesTreeAndJolokiaPostsSucceed() {
        browser.get("http://127.0.0.1:" + port + "/actuator/hawtio/camel/routes");

        new WebDriverWait(browser, PATIENCE).until(page -> pageText().contains("evidence-upload"));
        String tree = pageText();
        assertThat(tree).contains("conductor-hub", "routes", "evidence-upload", "adapter-review");

        Object answer = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).split('=')[1];
                fetch('/actuator/jolokia', {method: 'POST', headers: {'X-XSRF-TOKEN': token},
                    body: JSON.stringify({type: 'read', mbean: 'java.lang:type=Runtime', attribute: 'Uptime'})})
                  .then(r => r.json().then(body => done(r.status + ' ' + body.status)))
                  .catch(e => done('failed ' + e));
                """);
        assertThat(answer).isEqualTo("200 200");
    }

    /** Read by script: the console re-renders, so an element found a moment ago may already be gone. */
    private String pageText() {
        return String.valueOf(browser.executeScript("return document.body ? document.body.innerText : ''"));
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
