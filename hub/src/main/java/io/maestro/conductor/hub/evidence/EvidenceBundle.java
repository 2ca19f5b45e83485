package io.maestro.conductor.hub.evidence;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An evidence upload as the workflow carries it. {@code request} is the request body exactly as received, kept so
 * a failed upload can be stored and retried without loss. {@code locations} fills in as files are stored (split
 * branches share this object), keyed by storage key.
 */
public record EvidenceBundle(String bundleId, String tenant, String environment, String region,
                             String classification, List<EvidenceFile> files, String request,
                             Map<String, String> locations) {

    public EvidenceBundle {
        files = List.copyOf(files);
    }

    public EvidenceBundle(String bundleId, String tenant, String environment, String region, String classification,
                          List<EvidenceFile> files, String request) {
        this(bundleId, tenant, environment, region, classification, files, request, new ConcurrentHashMap<>());
    }

    public String manifestKey() {
        return EvidenceKeys.manifest(bundleId);
    }
}
