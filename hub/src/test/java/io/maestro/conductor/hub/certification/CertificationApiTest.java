package io.maestro.conductor.hub.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.devkit.bundle.Checksums;
import io.maestro.conductor.hub.bundles.PartnerBundles;
import io.maestro.conductor.hub.support.Api.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Submitting a partner adapter for certification and moving it through review: the scan's evidence is stored through
 * {@code storage:} with receipts, every transition is receipted, and the submitter never decides on their own adapter
 * (a high-risk adapter's listing: {@link ListingDualControlTest}).
 */
class CertificationApiTest extends ReviewHub {

    @Test
    void aSubmittedPackageIsScannedItsEvidenceStoredAndEachStepReceipted() throws Exception {
        byte[] bundle = PartnerBundles.helloAs("5.0.0", PARTNER_KEY);
        int receiptsBefore = certificationReceipts().size();

        Answer submitted = submit(bundle, PARTNER_USER);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode certification = submitted.json();
        String id = certification.path("id").asText();
        assertThat(certification.path("state").asText()).isEqualTo("in_review");
        assertThat(certification.path("riskRating").asText()).isEqualTo("LOW");
        assertThat(certification.path("dualControl").asBoolean()).isFalse();
        assertThat(certification.path("submittedBy").asText()).isEqualTo(PARTNER_USER);
        assertThat(submitted.body()).doesNotContain("adapter-review/", DATA_DIR.toString(), "evidenceInstance");

        String prefix = KEY_PREFIX + "/adapter-review/hello-notify/5.0.0/" + id + "/";
        assertThat(evidenceObjects("hello-notify", "5.0.0"))
                .containsExactly(prefix + "bundle.zip", prefix + "evidence-manifest.json", prefix + "scan.json");
        JsonNode scan = JSON.readTree(get(prefix + "scan.json"));
        assertThat(scan.path("rating").asText()).isEqualTo("LOW");
        assertThat(scan.path("checksums").path("bundle").asText()).isEqualTo(Checksums.sha256(bundle));
        assertThat(scan.path("secretFields")).extracting(JsonNode::asText).containsExactly("apiKey");
        assertThat(scan.path("dependencies")).isEmpty();
        JsonNode evidenceManifest = JSON.readTree(get(prefix + "evidence-manifest.json"));
        assertThat(evidenceManifest.path("files").path("scan.json").asText())
                .isEqualTo(Checksums.sha256(get(prefix + "scan.json")));
        assertThat(Checksums.sha256(get(prefix + "evidence-manifest.json")))
                .isEqualTo(certification.path("evidenceSha256").asText());

        List<JsonNode> receipts = receiptsOf(id);
        assertThat(receipts)
                .extracting(r -> r.path("action").asText() + ":"
                        + r.path("changeSet").path("to").asText(""))
                .containsExactly("CERTIFICATION:submitted", "EVIDENCE_STORED:", "CERTIFICATION:in_review");
        assertThat(receipts.get(1).path("id").asText())
                .isEqualTo(certification.path("evidenceReceipt").asText());

        Answer early = api.postBytes("/api/adapter-bundles", "operator", operatorPassword(), "application/zip", bundle);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().path("code").asText()).isEqualTo("ADAPTER_NOT_CERTIFIED");

        Answer certified = decide(id, "certified", "scan clean; code read", RITA);
        assertThat(certified.status()).as(certified.body()).isEqualTo(200);
        assertThat(certified.json().path("state").asText()).isEqualTo("certified");
        assertThat(certified.json().path("reviewedBy").asText()).isEqualTo(RITA);
        Answer listed = decide(id, "marketplace_ready", null, ROB);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().path("state").asText()).isEqualTo("marketplace_ready");

        assertThat(receiptsOf(id)).hasSize(5);
        Answer otherJar = api.postBytes(
                "/api/adapter-bundles",
                "operator",
                operatorPassword(),
                "application/zip",
                PartnerBundles.helloAs("5.0.0", Map.of("title: Hello", "title: Hello again"), PARTNER_KEY));
        assertThat(otherJar.json().path("code").asText())
                .as("a certification covers its own bundle's jar and manifest only")
                .isEqualTo("ADAPTER_NOT_CERTIFIED");
        Answer installed =
                api.postBytes("/api/adapter-bundles", "operator", operatorPassword(), "application/zip", bundle);
        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        assertThat(certificationReceipts().size() - receiptsBefore).isEqualTo(5);
        assertThat(evidenceObjects("hello-notify", "5.0.0"))
                .filteredOn(key -> key.contains("/decision-"))
                .hasSize(2);
        assertThat(api.get(CERTIFICATIONS + "/" + id, PARTNER_USER, PASSWORD)
                        .json()
                        .path("state")
                        .asText())
                .isEqualTo("marketplace_ready");

        Answer marketplace = api.get("/api/marketplace", VIC, PASSWORD);
        assertThat(marketplace.status()).isEqualTo(200);
        JsonNode listing = null;
        for (JsonNode entry : marketplace.json()) {
            if (entry.path("name").asText().equals("hello-notify")
                    && entry.path("version").asText().equals("5.0.0")) {
                listing = entry;
            }
        }
        assertThat(listing).as(marketplace.body()).isNotNull();
        assertThat(listing.path("badge").asText()).isEqualTo("marketplace-ready");
        assertThat(listing.path("owner").asText()).isEqualTo("partner-acme");
        assertThat(listing.path("review").path("evidenceSha256").asText())
                .isEqualTo(certification.path("evidenceSha256").asText());
        assertThat(marketplace.body())
                .doesNotContain(PARTNER, "adapter-review/", DATA_DIR.toString(), "scan clean", "@acme.example");
    }

    @Test
    void aDeclaredKnownBadLibraryRatesTheAdapterCritical() {
        Answer submitted = submit(
                PartnerBundles.helloAs(
                        "5.2.0",
                        Map.of("dependencies: []", "dependencies: [\"org.apache.logging.log4j:log4j-core:2.14.1\"]"),
                        PARTNER_KEY),
                PARTNER_USER);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().path("riskRating").asText()).isEqualTo("CRITICAL");
        assertThat(submitted.json().path("findings").toString()).contains("log4j-core:2.14.1 is known-bad");
        assertThat(submitted.json().path("dualControl").asBoolean()).isTrue();
        Answer rejected = decide(submitted.json().path("id").asText(), "rejected", "Log4Shell", RITA);
        assertThat(rejected.json().path("state").asText()).isEqualTo("rejected");
        assertThat(decide(submitted.json().path("id").asText(), "certified", null, ROB)
                        .json()
                        .path("code")
                        .asText())
                .isEqualTo("TRANSITION_INVALID");
        assertThat(marketplaceBadge("hello-notify", "5.2.0")).isNull();
    }

    static String operatorPassword() {
        return io.maestro.conductor.hub.support.HubProperties.operatorPassword(DATA_DIR);
    }

    Answer decide(String id, String to, String notes, String user) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("to", to);
        if (notes != null) {
            body.put("notes", notes);
        }
        return api.postJson(CERTIFICATIONS + "/" + id + "/transitions", user, PASSWORD, body);
    }

    /** The partner tenant's receipts about one certification, oldest first. */
    List<JsonNode> receiptsOf(String id) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode receipt : certificationReceipts()) {
            if (id.equals(receipt.path("changeSet").path("certification").asText())) {
                found.add(receipt);
            }
        }
        return found;
    }

    List<JsonNode> certificationReceipts() {
        List<JsonNode> found = new ArrayList<>();
        Answer receipts = api.get("/api/tenants/" + PARTNER + "/receipts?limit=500", RITA, PASSWORD);
        assertThat(receipts.status()).as(receipts.body()).isEqualTo(200);
        receipts.json().forEach(found::add);
        found.removeIf(r -> !r.path("changeSet").has("certification"));
        return found;
    }

    static byte[] get(String key) {
        return S3.objectContent(BUCKET, key);
    }
}
