package io.maestro.conductor.hub.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;

/**
 * A bundle's manifest: every file's key, size and SHA-256. It has no timestamp, so the same bundle always has the
 * same manifest and checksum: that is how a replay is told from other content under the same bundle id.
 */
record EvidenceManifest(byte[] content, String sha256) {

    static EvidenceManifest of(EvidenceBundle bundle, ObjectMapper json) {
        ObjectNode manifest = json.createObjectNode()
                .put("bundleId", bundle.bundleId())
                .put("tenant", bundle.tenant())
                .put("environment", bundle.environment())
                .put("region", bundle.region())
                .put("classification", bundle.classification());
        ArrayNode files = manifest.putArray("files");
        bundle.files()
                .forEach(file -> files.addObject()
                        .put("name", file.name())
                        .put("key", file.key())
                        .put("contentType", file.contentType())
                        .put("size", file.size())
                        .put("sha256", file.sha256()));
        try {
            byte[] content = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            return new EvidenceManifest(
                    content, HexFormat.of().formatHex(EvidenceSpool.sha256().digest(content)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
