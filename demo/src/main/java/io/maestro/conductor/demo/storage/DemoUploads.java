package io.maestro.conductor.demo.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.hub.evidence.EvidenceExistsException;
import io.maestro.conductor.hub.evidence.EvidenceFailure;
import io.maestro.conductor.hub.evidence.EvidenceRequestParser;
import io.maestro.conductor.hub.evidence.EvidenceStored;
import io.maestro.conductor.hub.evidence.EvidenceUploads;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.AdapterInstance;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * After start-up, sends one evidence bundle per demo tenant through the evidence-upload workflow (bundle id
 * {@code demo-<tenant>}, so a restart stores nothing twice and adds no receipt) and one bundle whose data region
 * residency denies. Both show in the API: receipts and objects, and {@code /residency/denials}. Runs before the
 * hub reports ready, so nothing races it.
 */
public class DemoUploads {

    static final String INSTANCE = "evidence";
    static final String ACTOR = DemoStorageSetup.ACTOR.id();
    private static final Logger LOG = LoggerFactory.getLogger(DemoUploads.class);

    private final Registry registry;
    private final DemoStoragePeers peers;
    private final DemoStorageProperties properties;
    private final EvidenceRequestParser parser;
    private final EvidenceUploads uploads;
    private final ObjectMapper json;

    public DemoUploads(
            Registry registry,
            DemoStoragePeers peers,
            DemoStorageProperties properties,
            EvidenceRequestParser parser,
            EvidenceUploads uploads,
            ObjectMapper json) {
        this.registry = registry;
        this.peers = peers;
        this.properties = properties;
        this.parser = parser;
        this.uploads = uploads;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void run() {
        if (peers.s3() == null) {
            return;
        }
        String environment = properties.environment();
        List<AdapterInstance> instances = DemoStorageSetup.prepare(registry, peers, environment, INSTANCE);
        for (AdapterInstance instance : instances) {
            String tenant = instance.tenant();
            report(tenant, "demo-" + tenant, send(tenant, "demo-" + tenant, instance.region()));
        }
        if (!instances.isEmpty()) {
            String tenant = instances.get(0).tenant();
            report(tenant, "demo-denied-" + tenant, send(tenant, "demo-denied-" + tenant, properties.deniedRegion()));
        }
    }

    private Object send(String tenant, String bundleId, String region) {
        String text = "Demo evidence of " + tenant + " for data region " + region + ".\n";
        Map<String, Object> request = Map.of(
                "bundleId",
                bundleId,
                "region",
                region,
                "classification",
                "internal",
                "files",
                List.of(Map.of(
                        "name",
                        "control-check.txt",
                        "contentType",
                        "text/plain",
                        "content",
                        Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)))));
        try {
            return uploads.upload(
                    parser.parse(tenant, properties.environment(), json.writeValueAsBytes(request)), ACTOR);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        } catch (EvidenceExistsException taken) {
            // Stored by an older hub with other keys, or being stored now: the demo never replaces evidence.
            return taken;
        }
    }

    private static void report(String tenant, String bundleId, Object outcome) {
        if (outcome instanceof EvidenceStored stored) {
            LOG.info(
                    "event=demo_evidence_stored tenant={} bundle_id={} receipt_id={}",
                    tenant,
                    bundleId,
                    stored.receiptId());
        } else if (outcome instanceof EvidenceUploads.Replay replay) {
            LOG.info(
                    "event=demo_evidence_already_stored tenant={} bundle_id={} receipt_id={}",
                    tenant,
                    bundleId,
                    replay.reply().receiptId());
        } else if (outcome instanceof EvidenceExistsException taken) {
            LOG.info("event=demo_evidence_kept tenant={} bundle_id={} code={}", tenant, bundleId, taken.code());
        } else if (outcome instanceof EvidenceFailure failure) {
            LOG.info(
                    "event=demo_evidence_refused tenant={} bundle_id={} code={} decision_id={}",
                    tenant,
                    bundleId,
                    failure.code(),
                    failure.decisionId());
        }
    }
}
