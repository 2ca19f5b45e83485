package io.maestro.conductor.hub.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads an evidence request:
 * <pre>
 * {"bundleId": "optional, generated when absent",
 *  "region": "eu-west-1", "classification": "confidential",
 *  "files": [{"name": "report.pdf", "contentType": "application/pdf", "content": "&lt;base64&gt;"}]}
 * </pre>
 * The bundle id given (or generated) is written back into the kept request, so a retry uses the same keys.
 */
public final class EvidenceRequestParser {

    static final int MAX_FILES = 100;
    static final long MAX_BUNDLE_BYTES = 32L * 1024 * 1024;

    private final ObjectMapper json;

    public EvidenceRequestParser(ObjectMapper json) {
        this.json = json;
    }

    public EvidenceBundle parse(String tenant, String environment, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new EvidenceRequestException("the request body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new EvidenceRequestException("the request body must be a JSON object");
        }
        String bundleId = root.hasNonNull("bundleId") ? root.get("bundleId").asText() : UUID.randomUUID().toString();
        if (!EvidenceKeys.BUNDLE_ID.matcher(bundleId).matches()) {
            throw new EvidenceRequestException("bundleId must be 1-64 letters, digits, '.', '_' or '-'");
        }
        String region = requiredText(root, "region");
        String classification = requiredText(root, "classification");
        List<EvidenceFile> files = files(bundleId, root.get("files"));
        String kept;
        try {
            kept = json.writeValueAsString(((ObjectNode) root.deepCopy())
                    .put("bundleId", bundleId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serialises", e);
        }
        return new EvidenceBundle(bundleId, tenant, environment, region, classification, files, kept);
    }

    private static List<EvidenceFile> files(String bundleId, JsonNode files) {
        if (files == null || !files.isArray() || files.isEmpty()) {
            throw new EvidenceRequestException("files must be a non-empty array");
        }
        if (files.size() > MAX_FILES) {
            throw new EvidenceRequestException("a bundle holds at most " + MAX_FILES + " files");
        }
        List<EvidenceFile> parsed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            String where = "files[" + i + "]";
            String name = file.path("name").asText("");
            if (!EvidenceKeys.NAME.matcher(name).matches() || EvidenceKeys.MANIFEST.equals(name)) {
                throw new EvidenceRequestException(where + ".name must be a plain file name (letters, digits, '.', "
                        + "'_', '-'; not " + EvidenceKeys.MANIFEST + ")");
            }
            if (!names.add(name)) {
                throw new EvidenceRequestException(where + ".name repeats '" + name + "'");
            }
            byte[] content;
            try {
                content = Base64.getDecoder().decode(file.path("content").asText(""));
            } catch (IllegalArgumentException e) {
                throw new EvidenceRequestException(where + ".content must be base64");
            }
            total += content.length;
            if (total > MAX_BUNDLE_BYTES) {
                throw new EvidenceRequestException("a bundle holds at most " + MAX_BUNDLE_BYTES + " bytes");
            }
            String contentType = file.hasNonNull("contentType") ? file.get("contentType").asText()
                    : "application/octet-stream";
            parsed.add(new EvidenceFile(name, contentType, content, sha256(content), EvidenceKeys.file(bundleId, name)));
        }
        return parsed;
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new EvidenceRequestException(field + " is required");
        }
        return value.asText();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
