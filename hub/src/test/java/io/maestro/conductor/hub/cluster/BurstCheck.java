package io.maestro.conductor.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.hub.support.EvidenceTraffic;
import io.maestro.conductor.sandbox.S3ProxySandbox;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an {@link EvidenceBurst} must leave behind, however a hub died under it: each accepted upload stored exactly
 * once (one {@code EVIDENCE_STORED} receipt, the one its answer names; its object as sent; verified against the
 * receipt), each refused one answered with a coded problem, only when the kill cut it off, and without a receipt.
 */
final class BurstCheck {

    private BurstCheck() {}

    static void assertStoredOnceOrRefused(
            List<EvidenceBurst.Outcome> outcomes, Api api, String password, S3ProxySandbox s3) {
        Map<String, List<String>> receipts = evidenceReceipts(api, password);
        assertThat(outcomes).as("every bundle got a last answer").isNotEmpty();
        assertThat(outcomes.stream().filter(EvidenceBurst.Outcome::cutOff))
                .as("uploads that met the killed hub (cut off or refused) went on to another")
                .isNotEmpty();
        for (EvidenceBurst.Outcome outcome : outcomes) {
            String id = outcome.bundleId();
            if (outcome.accepted()) {
                assertThat(receipts.get(id))
                        .as(id + " stored once")
                        .containsExactly(
                                outcome.answer().json().path("receiptId").asText());
                assertThat(new String(
                                s3.objectContent(
                                        EvidenceTraffic.BUCKET, EvidenceTraffic.objectKey(id, EvidenceTraffic.FILE)),
                                StandardCharsets.UTF_8))
                        .isEqualTo(outcome.content());
                Api.Answer verified = api.get(EvidenceTraffic.verifyPath(id), "operator", password);
                assertThat(verified.json().path("valid").asBoolean())
                        .as(verified.body())
                        .isTrue();
            } else {
                assertThat(outcome.cutOff())
                        .as(id + " refused only because the kill cut it off: " + outcome)
                        .isTrue();
                assertThat(outcome.code())
                        .as(id + " refused with a code: " + outcome)
                        .isNotBlank();
                assertThat(receipts).as(id + " refused, not stored").doesNotContainKey(id);
            }
        }
        assertThat(receipts.values().stream().mapToInt(List::size).sum())
                .as("no receipt beyond one per accepted upload")
                .isEqualTo(outcomes.stream()
                        .filter(EvidenceBurst.Outcome::accepted)
                        .count());
    }

    /** Receipt ids of the tenant's EVIDENCE_STORED receipts by bundle id, every page. */
    private static Map<String, List<String>> evidenceReceipts(Api api, String password) {
        Map<String, List<String>> byBundle = new HashMap<>();
        long afterSeq = 0;
        while (true) {
            JsonNode page = api.get(
                            "/api/tenants/" + EvidenceTraffic.TENANT + "/receipts?limit=500&afterSeq=" + afterSeq,
                            "operator",
                            password)
                    .json();
            if (page.isEmpty()) {
                return byBundle;
            }
            for (JsonNode receipt : page) {
                afterSeq = receipt.path("seq").asLong();
                if ("EVIDENCE_STORED".equals(receipt.path("action").asText())) {
                    byBundle.computeIfAbsent(
                                    receipt.path("changeSet").path("bundleId").asText(), k -> new ArrayList<>())
                            .add(receipt.path("id").asText());
                }
            }
        }
    }
}
