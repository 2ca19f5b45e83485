package io.maestro.conductor.hub.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.api.ApiRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Collects one bundle from either request form (JSON or multipart), with the same rules for both: plain names,
 * no repeats, at most {@code maxFiles} files, region and classification required. Each file is streamed into the
 * upload's staging folder as it arrives; {@link #discard()} removes the folder when the request is refused.
 */
final class EvidenceBundleBuilder {

    private static final int MAX_CONTENT_TYPE = 200;

    private final String tenant;
    private final String environment;
    private final EvidenceSpool spool;
    private final int maxFiles;
    private final String uploadId;
    private final List<EvidenceFile> files = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private String bundleId;
    private String region;
    private String classification;

    EvidenceBundleBuilder(String tenant, String environment, EvidenceSpool spool, int maxFiles) {
        this.tenant = tenant;
        this.environment = environment;
        this.spool = spool;
        this.maxFiles = maxFiles;
        this.uploadId = spool.create();
    }

    void bundleId(String value) {
        if (value == null || !EvidenceKeys.BUNDLE_ID.matcher(value).matches()) {
            throw new EvidenceRequestException("bundleId must be 1-64 letters, digits, '.', '_' or '-'");
        }
        bundleId = value;
    }

    void region(String value) {
        region = value;
    }

    void classification(String value) {
        classification = value;
    }

    /** Streams one file into the staging folder; {@code where} names it in errors ({@code files[0]}). */
    void addFile(String where, String name, String contentType, InputStream content) throws IOException {
        if (files.size() >= maxFiles) {
            throw new EvidenceRequestException("a bundle holds at most " + maxFiles + " files");
        }
        if (name == null || !EvidenceKeys.NAME.matcher(name).matches() || EvidenceKeys.MANIFEST.equals(name)) {
            throw new EvidenceRequestException(where + ".name must be a plain file name (letters, digits, '.', "
                    + "'_', '-'; not " + EvidenceKeys.MANIFEST + ")");
        }
        if (!names.add(name)) {
            throw new EvidenceRequestException(where + ".name repeats '" + name + "'");
        }
        String type = contentType(where, contentType);
        EvidenceSpool.Staged staged = spool.write(uploadId, files.size(), content);
        files.add(new EvidenceFile(name, type, staged.path(), staged.size(), staged.sha256(), null));
    }

    /** The bundle; keys are fixed here, once the bundle id is known (a multipart form may send it last). */
    EvidenceBundle build() {
        String id = bundleId != null ? bundleId : UUID.randomUUID().toString();
        required("region", region);
        required("classification", classification);
        if (files.isEmpty()) {
            throw new EvidenceRequestException("files must be a non-empty array");
        }
        List<EvidenceFile> keyed = files.stream()
                .map(file -> new EvidenceFile(
                        file.name(),
                        file.contentType(),
                        file.content(),
                        file.size(),
                        file.sha256(),
                        EvidenceKeys.file(environment, id, file.name())))
                .toList();
        return new EvidenceBundle(id, tenant, environment, region, classification, keyed, uploadId);
    }

    void discard() {
        spool.delete(uploadId);
    }

    /**
     * The bundle of a dead letter, from its description and the files it staged, each hashed again: a staged file
     * that is gone or changed answers 410 {@code EVIDENCE_CONTENT_GONE} rather than storing something else.
     */
    static EvidenceBundle restage(
            String tenant, String environment, EvidenceSpool spool, String uploadId, JsonNode description) {
        if (!spool.exists(uploadId)) {
            throw gone("the staged content of this upload is no longer on this hub");
        }
        List<EvidenceFile> files = new ArrayList<>();
        JsonNode list = description.path("files");
        String bundleId = description.path("bundleId").asText();
        for (int i = 0; i < list.size(); i++) {
            JsonNode file = list.get(i);
            EvidenceSpool.Staged staged;
            try {
                staged = spool.reread(uploadId, i);
            } catch (UncheckedIOException e) {
                throw gone("staged file " + i + " of this upload is missing");
            }
            if (!staged.sha256().equals(file.path("sha256").asText())) {
                throw gone("staged file " + i + " of this upload changed since it was received");
            }
            String name = file.path("name").asText();
            files.add(new EvidenceFile(
                    name,
                    file.path("contentType").asText(),
                    staged.path(),
                    staged.size(),
                    staged.sha256(),
                    EvidenceKeys.file(environment, bundleId, name)));
        }
        return new EvidenceBundle(
                bundleId,
                tenant,
                environment,
                description.path("region").asText(),
                description.path("classification").asText(),
                files,
                uploadId);
    }

    private static ApiRequestException gone(String detail) {
        return new ApiRequestException(HttpStatus.GONE, "EVIDENCE_CONTENT_GONE", detail + "; send the bundle again");
    }

    private static String contentType(String where, String value) {
        if (value == null || value.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        try {
            if (value.length() <= MAX_CONTENT_TYPE && value.chars().noneMatch(c -> c < 0x20 || c > 0x7e)) {
                return MediaType.parseMediaType(value).toString();
            }
        } catch (InvalidMediaTypeException e) {
            // refused below, with the same message as a too long one
        }
        throw new EvidenceRequestException(where + ".contentType must be a media type such as text/plain");
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new EvidenceRequestException(field + " is required");
        }
    }
}
