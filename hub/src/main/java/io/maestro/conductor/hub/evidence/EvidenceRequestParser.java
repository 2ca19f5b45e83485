package io.maestro.conductor.hub.evidence;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Reads a JSON evidence request, for small bundles (the whole body is at most {@code conductor.evidence.max-json-size};
 * larger files go as multipart/form-data, see {@link EvidenceMultipartParser}):
 * <pre>
 * {"bundleId": "optional, generated when absent",
 *  "region": "eu-west-1", "classification": "confidential",
 *  "files": [{"name": "report.pdf", "contentType": "application/pdf", "content": "&lt;base64&gt;"}]}
 * </pre>
 * Each file is decoded into the upload's staging folder.
 */
public final class EvidenceRequestParser {

    private final ObjectMapper json;
    private final EvidenceSpool spool;
    private final EvidenceProperties properties;
    private final long maxBytes;

    public EvidenceRequestParser(ObjectMapper json, EvidenceSpool spool, EvidenceProperties properties) {
        this.maxBytes = Math.min(properties.maxJsonSize().toBytes(), Integer.MAX_VALUE - 16);
        // Jackson refuses strings over 20 M chars by default; within our own limit a base64 file must parse.
        this.json = json.copy();
        this.json
                .getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength((int) Math.max(maxBytes, StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
                        .build());
        this.spool = spool;
        this.properties = properties;
    }

    /**
     * Reads at most the limit: a body that declares a larger length is refused unread, one that turns out larger
     * is refused at the first byte over it.
     */
    public EvidenceBundle parse(String tenant, String environment, long declaredLength, InputStream body)
            throws IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge();
        }
        byte[] read = body.readNBytes((int) maxBytes + 1);
        if (read.length > maxBytes) {
            throw tooLarge();
        }
        return parse(tenant, environment, read);
    }

    /** Parses a whole request (also a dead letter kept in this form by an older hub). */
    public EvidenceBundle parse(String tenant, String environment, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new EvidenceRequestException("the request body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new EvidenceRequestException("the request body must be a JSON object");
        }
        EvidenceBundleBuilder bundle = new EvidenceBundleBuilder(tenant, environment, spool, properties.maxFiles());
        try {
            if (root.hasNonNull("bundleId")) {
                bundle.bundleId(root.get("bundleId").asText());
            }
            bundle.region(text(root, "region"));
            bundle.classification(text(root, "classification"));
            JsonNode files = root.get("files");
            if (files != null && !files.isArray()) {
                throw new EvidenceRequestException("files must be a non-empty array");
            }
            for (int i = 0; files != null && i < files.size(); i++) {
                JsonNode file = files.get(i);
                String where = "files[" + i + "]";
                bundle.addFile(
                        where,
                        file.path("name").asText(""),
                        text(file, "contentType"),
                        new ByteArrayInputStream(
                                decode(where, file.path("content").asText(""))));
            }
            return bundle.build();
        } catch (RuntimeException e) {
            bundle.discard();
            throw e;
        } catch (IOException e) {
            bundle.discard();
            throw new UncheckedIOException("cannot stage an evidence file", e);
        }
    }

    private EvidenceTooLargeException tooLarge() {
        return new EvidenceTooLargeException(
                "the JSON evidence body",
                EvidenceProperties.MAX_JSON_SIZE,
                maxBytes,
                "send larger files as multipart/form-data");
    }

    private static byte[] decode(String where, String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new EvidenceRequestException(where + ".content must be base64");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
