package io.maestro.conductor.demo.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.demo.DemoHub;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.notify.NotifyConstants;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The embedded default's demo: the demo tenants of {@code tenant-config/} with the real residency bundle, their
 * storage on the in-process peers, one stored bundle per tenant and one residency-denied upload at start, all
 * visible through the API. (S3 on a free port here, so the demo re-points the S3 instances at it.) atlas's receipts
 * are sealed through its notary instance on the demo TSA, and its alerts instance mails the demo mail server.
 */
public abstract class DemoStorageChecks {

    @LocalServerPort
    int port;

    @Autowired
    DemoStoragePeers peers;

    @Autowired
    GreenMail mail;

    @Autowired
    ProducerTemplate template;

    @Test
    void eachDemoTenantHasOneStoredBundleAndTheDeniedUploadIsListed() throws IOException {
        Api api = new Api(port);
        String password =
                Files.readString(DemoHub.DATA_DIR.resolve("operator-password")).strip();

        for (String tenant : new String[] {"atlas", "lumen", "orbit"}) {
            JsonNode receipts = api.get("/api/tenants/" + tenant + "/receipts?limit=500", "operator", password)
                    .json();
            long stored = 0;
            for (JsonNode receipt : receipts) {
                if ("EVIDENCE_STORED".equals(receipt.path("action").asText())
                        && ("demo-" + tenant)
                                .equals(receipt.path("changeSet")
                                        .path("bundleId")
                                        .asText())) {
                    stored++;
                }
            }
            assertThat(stored).as(tenant).isEqualTo(1);
        }
        // The demo's S3 keeps objects as files, so its listing also names the folders.
        assertThat(peers.s3().objectKeys("atlas-dev-evidence"))
                .contains(
                        "atlas/dev/evidence/dev/demo-atlas/control-check.txt",
                        "atlas/dev/evidence/dev/demo-atlas/manifest.json");
        assertThat(peers.s3().objectKeys("orbit-dev-evidence"))
                .contains("orbit/dev/evidence/dev/demo-orbit/control-check.txt");
        assertThat(peers.gcs().objectNames("lumen-dev-evidence"))
                .contains("lumen/dev/evidence/dev/demo-lumen/manifest.json");

        JsonNode denials = api.get("/api/tenants/atlas/residency/denials", "operator", password)
                .json();
        assertThat(denials).isNotEmpty();
        assertThat(denials.get(0).path("dataRegion").asText()).isEqualTo("ap-southeast-1");
        assertThat(denials.get(0).path("code").asText()).isEqualTo("RESIDENCY_MISMATCH");
        assertThat(peers.s3().bucketNames())
                .allSatisfy(bucket ->
                        assertThat(peers.s3().objectKeys(bucket)).noneMatch(key -> key.contains("demo-denied-")));

        JsonNode locations = api.get("/api/tenants/atlas/storage-locations", "operator", password)
                .json();
        assertThat(locations.findValuesAsText("bucket")).contains("atlas-dev-evidence", "atlas-prod-evidence");
    }

    @Test
    void atlasReceiptsAreSealedOnTheDemoTsaAndItsAlertsInstanceMailsTheDemoMailServer() throws Exception {
        Api api = new Api(port);
        String password =
                Files.readString(DemoHub.DATA_DIR.resolve("operator-password")).strip();
        String verify = "/api/tenants/atlas/environments/dev/evidence/demo-atlas/verify";
        JsonNode verified = api.get(verify, "operator", password).json();
        for (int i = 0;
                i < 240
                        && !"verified"
                                .equals(verified.path("seal").path("status").asText());
                i++) {
            Thread.sleep(500);
            verified = api.get(verify, "operator", password).json();
        }
        assertThat(verified.path("seal").path("status").asText())
                .as(verified.toString())
                .isEqualTo("verified");
        assertThat(verified.path("valid").asBoolean()).isTrue();
        assertThat(verified.path("seal").path("tsaRootPinned").asBoolean())
                .as("the demo TSA makes a new root at each start, so the demo pins none")
                .isFalse();

        String alertId = "demo-alert-" + UUID.randomUUID();
        Exchange sent = template.request("notify:send?instance=alerts", exchange -> {
            exchange.getMessage().setHeader(AdapterHeaders.TENANT, "atlas");
            exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, "dev");
            exchange.getMessage().setHeader(NotifyConstants.EVENT, "adapter.alert.fired");
            exchange.getMessage()
                    .setBody(Map.of(
                            "severity", "warning",
                            "instanceId", "atlas/dev/evidence",
                            "alertId", alertId,
                            "reason", "demo",
                            "lastErrorCode", "STORAGE_UNREACHABLE"));
        });
        assertThat(sent.getException()).isNull();
        assertThat(mail.getReceivedMessages())
                .anySatisfy(
                        message -> assertThat(GreenMailUtil.getBody(message)).contains(alertId));
    }
}
