package io.maestro.conductor.hub.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An evidence upload as the workflow carries it. Its files are staged in the spool folder {@code uploadId}, so a
 * failed upload can be retried without loss. {@code locations} fills in as files are stored, keyed by storage key.
 */
public record EvidenceBundle(
        String bundleId,
        String tenant,
        String environment,
        String region,
        String classification,
        List<EvidenceFile> files,
        String uploadId,
        Map<String, String> locations) {

    public EvidenceBundle {
        files = List.copyOf(files);
    }

    public EvidenceBundle(
            String bundleId,
            String tenant,
            String environment,
            String region,
            String classification,
            List<EvidenceFile> files,
            String uploadId) {
        this(bundleId, tenant, environment, region, classification, files, uploadId, new ConcurrentHashMap<>());
    }

    public String manifestKey() {
        return EvidenceKeys.manifest(environment, bundleId);
    }

    /**
     * The bundle without its content: what a dead letter keeps beside the staged files, and what
     * {@link EvidenceBundleBuilder#restage} reads back.
     */
    public ObjectNode description(ObjectMapper json) {
        ObjectNode description = json.createObjectNode()
                .put("bundleId", bundleId)
                .put("region", region)
                .put("classification", classification);
        ArrayNode list = description.putArray("files");
        files.forEach(file -> list.addObject()
                .put("name", file.name())
                .put("contentType", file.contentType())
                .put("size", file.size())
                .put("sha256", file.sha256()));
        return description;
    }
}
