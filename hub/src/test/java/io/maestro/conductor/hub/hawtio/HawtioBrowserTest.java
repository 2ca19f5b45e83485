package io.maestro.conductor.hub.hawtio;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.HeadlessChromium;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The operator's view of the console in a real, headless Chromium: it logs in, loads Hawtio, sees the Camel routes
 * tree (which the console fills with Jolokia POSTs), and a Jolokia POST made by page script with the
 * {@code XSRF-TOKEN} cookie it can read succeeds.
 */
@Tag("browser")
class HawtioBrowserTest extends HubIntegrationTest {

    private HeadlessChromium browser;

    @BeforeEach
    void startBrowser() {
        browser = new HeadlessChromium(OPERATOR, operatorPassword());
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOperatorSeesTheCamelRoutesTreeAndJolokiaPostsSucceed() {
        browser.open("http://127.0.0.1:" + port + "/actuator/hawtio/camel/routes");

        browser.waitForText(text -> text.contains("evidence-upload"));
        String tree = browser.pageText();
        assertThat(tree).contains("conductor-hub", "routes", "evidence-upload", "adapter-review");

        Object answer = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).split('=')[1];
                fetch('/actuator/jolokia', {method: 'POST', headers: {'X-XSRF-TOKEN': token},
                    body: JSON.stringify({type: 'read', mbean: 'java.lang:type=Runtime', attribute: 'Uptime'})})
                  .then(r => r.json().then(body => done(r.status + ' ' + body.status)))
                  .catch(e => done('failed ' + e));
                """);
        assertThat(answer).isEqualTo("200 200");
    }
}
