package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.health.AdapterHealthService;
import io.maestro.conductor.hub.health.AdapterInstanceHealth;
import io.maestro.conductor.hub.health.AdapterStatsFlush;
import io.maestro.conductor.hub.health.HealthInventory;
import io.maestro.conductor.hub.health.HealthStatus;
import io.maestro.conductor.hub.support.HeadlessChromium;
import io.maestro.conductor.registry.model.AdapterInstance;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Switchboard in a real, headless Chromium: the operator logs in, opens the Switchboard page of the Hawtio
 * console, sees instance {@code northwind/prod/evidence} DOWN after its S3 peer (S3Proxy) is stopped, filters to DOWN
 * instances, and drills down to the workflows the outage impacts ({@code evidence-upload}) and the review badge of
 * the adapter the instance runs (certified: its version has a certification row). Screenshots of both pages stay
 * under {@code hub/target/switchboard/} for people to look at.
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

    @Autowired
    DataSource dataSource;

    @Test
    void theOperatorSeesAnInstanceDownAfterItsPeerStopsAndDrillsDownToItsImpactedWorkflows() {
        StorageOutage outage = new StorageOutage(template, PROD, "evidence", "eu-west-1");
        assertThat(outage.put().getException()).isNull();
        AdapterInstanceHealth before = current();
        outage.failOutnumbering(before.requests(), before.errors());
        assertThat(current().status()).isEqualTo(HealthStatus.DOWN);
        certify(registry.instance(TENANT, PROD, "evidence").orElseThrow());

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
            By badge = By.id("switchboard-certification");
            browser.waitForText(text -> !browser.driver().findElements(badge).isEmpty());
            assertThat(browser.driver().findElement(badge).getAttribute("data-badge"))
                    .isEqualTo("certified");
            assertThat(browser.driver().findElement(badge).getText())
                    .startsWith("certified")
                    .contains("risk LOW", "reviewed by reviewer-ann");
            assertThat(browser.screenshot(SCREENSHOTS.resolve("instance-impacted-workflows.png")))
                    .isNotEmptyFile();
        }
    }

    /** Records the instance's adapter version certified, as an approver's decision leaves it. */
    private void certify(AdapterInstance instance) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update(
                "DELETE FROM adapter_certification WHERE adapter_name = ? AND adapter_version = ?",
                instance.definitionName(),
                instance.definitionVersion());
        jdbc.update(
                "INSERT INTO adapter_certification (id, tenant_id, environment, adapter_name, adapter_version,"
                        + " category, owner, state, risk_rating, findings, key_id, jar_sha256, manifest_sha256,"
                        + " evidence_instance, evidence_prefix, evidence_sha256, evidence_receipt, submitted_by,"
                        + " submitted_at, reviewed_by, updated_at) VALUES (?, ?, ?, ?, ?, 'storage', 'maestro',"
                        + " 'certified', 'LOW', '[]', 'k', 'j', 'm', 'evidence', 'p/', 'e', 'r', 'partner-ci',"
                        + " CURRENT_TIMESTAMP, 'reviewer-ann', CURRENT_TIMESTAMP)",
                UUID.randomUUID().toString(),
                TENANT,
                PROD,
                instance.definitionName(),
                instance.definitionVersion());
    }

    private AdapterInstanceHealth current() {
        StorageOutage.flushHealth(inventory, flush, health);
        return health.instance(INSTANCE, "storage");
    }
}
