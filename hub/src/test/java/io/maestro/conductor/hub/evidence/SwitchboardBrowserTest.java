package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.health.AdapterHealthService;
import io.maestro.conductor.hub.health.AdapterInstanceHealth;
import io.maestro.conductor.hub.health.AdapterStatsFlush;
import io.maestro.conductor.hub.health.HealthInventory;
import io.maestro.conductor.hub.health.HealthStatus;
import io.maestro.conductor.hub.support.HeadlessChromium;
import java.nio.file.Path;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Switchboard in a real, headless Chromium: the operator logs in, opens the Switchboard page of the Hawtio
 * console, sees instance {@code northwind/prod/evidence} DOWN after its S3 peer (S3Proxy) is stopped, filters to DOWN
 * instances, and drills down to the workflows the outage impacts ({@code evidence-upload}). Screenshots of both
 * pages stay under {@code hub/target/switchboard/} for people to look at.
 */
@Tag("browser")
class SwitchboardBrowserTest extends StorageHub {

    private static final String INSTANCE = TENANT + "/" + PROD + "/evidence";
    private static final Path SCREENSHOTS = Path.of("target", "switchboard");

    @Autowired
    ProducerTemplate template;

    @Autowired
    AdapterStatsFlush flush;

    @Autowired
    HealthInventory inventory;

    @Autowired
    AdapterHealthService health;

    @Test
    void theOperatorSeesAnInstanceDownAfterItsPeerStopsAndDrillsDownToItsImpactedWorkflows() {
        StorageOutage outage = new StorageOutage(template, PROD, "evidence", "eu-west-1");
        assertThat(outage.put().getException()).isNull();
        AdapterInstanceHealth before = current();
        outage.failOutnumbering(before.requests(), before.errors());
        assertThat(current().status()).isEqualTo(HealthStatus.DOWN);

        try (HeadlessChromium browser = new HeadlessChromium("operator", operatorPassword())) {
            browser.open("http://127.0.0.1:" + port + "/actuator/hawtio/switchboard");
            browser.waitForText(text -> text.contains("Switchboard") && text.contains("down,"));
            new Select(browser.driver().findElement(By.id("switchboard-filter-status"))).selectByValue("DOWN");
            By row = By.cssSelector("tr[data-instance='" + INSTANCE + "']");
            browser.waitForText(text -> !browser.driver().findElements(row).isEmpty());
            assertThat(browser.driver()
                            .findElement(row)
                            .findElement(By.cssSelector("[data-status]"))
                            .getText())
                    .isEqualTo("DOWN");
            assertThat(browser.driver().findElement(row).getText()).contains("STORAGE_UNREACHABLE");
            browser.screenshot(SCREENSHOTS.resolve("instances-down.png"));

            browser.driver()
                    .findElement(row)
                    .findElement(By.linkText("evidence"))
                    .click();
            browser.waitForText(text -> text.contains("Impacted workflows"));
            assertThat(browser.driver()
                            .findElement(By.id("switchboard-impacted"))
                            .getText())
                    .contains("evidence-upload");
            assertThat(browser.pageText()).contains(INSTANCE, "DOWN", "STORAGE_UNREACHABLE");
            assertThat(browser.screenshot(SCREENSHOTS.resolve("instance-impacted-workflows.png")))
                    .isNotEmptyFile();
        }
    }

    private AdapterInstanceHealth current() {
        StorageOutage.flushHealth(inventory, flush, health);
        return health.instance(INSTANCE, "storage");
    }
}
