package io.maestro.conductor.hub.support;

import io.maestro.conductor.sandbox.S3ProxySandbox;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence uploads to hub processes, for the tests and load drivers that run several hubs: tenant atlas's {@code dev}
 * environment gets an {@code evidence} instance on an S3Proxy (region eu-west-1, which the repository's residency
 * data lets atlas write there), and {@link #upload} sends one bundle and tells what came of it, a hub that died under
 * the request included.
 */
public final class EvidenceTraffic {

    public static final String TENANT = "atlas";
    public static final String ENVIRONMENT = "dev";
    public static final String BUCKET = "atlas-dev-evidence";
    public static final String KEY_PREFIX = "atlas/dev";
    public static final String FILE = "evidence.txt";
    private static final String ACCESS_KEY_ENV = "ATLAS_DEV_S3_ACCESS_KEY";
    private static final String SECRET_KEY_ENV = "ATLAS_DEV_S3_SECRET_KEY";

    private EvidenceTraffic() {}

    /** The hubs' environment for {@link #devSecretsYaml()}: the S3Proxy's credentials. */
    public static Map<String, String> environment(S3ProxySandbox s3) {
        return Map.of(ACCESS_KEY_ENV, s3.accessKey(), SECRET_KEY_ENV, s3.secretKey());
    }

    /** Atlas dev's secrets entries (tenant config YAML, indented for {@code environments.dev.secrets}). */
    public static String devSecretsYaml() {
        return """
                      - name: evidence-access-key
                        fromEnv: %s
                      - name: evidence-secret-key
                        fromEnv: %s
                """.formatted(ACCESS_KEY_ENV, SECRET_KEY_ENV);
    }

    /** Atlas dev's {@code evidence} instance on {@code s3} (indented for {@code environments.dev.adapters}). */
    public static String devAdapterYaml(S3ProxySandbox s3) {
        return """
                      evidence:
                        definition: s3-storage
                        region: eu-west-1
                        config:
                          bucket: %s
                          region: eu-west-1
                          endpoint: "%s"
                          keyPrefix: %s
                          forcePathStyle: true
                          accessKey: secret:evidence-access-key
                          secretKey: secret:evidence-secret-key
                """.formatted(BUCKET, s3.endpoint(), KEY_PREFIX);
    }

    /** The upload request of one bundle: one text file, region eu-west-1, classification confidential. */
    public static Map<String, Object> bundle(String bundleId, String content) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("bundleId", bundleId);
        request.put("region", "eu-west-1");
        request.put("classification", "confidential");
        request.put(
                "files",
                List.of(Map.of(
                        "name",
                        FILE,
                        "contentType",
                        "text/plain",
                        "content",
                        Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)))));
        return request;
    }

    public static String uploadPath() {
        return "/api/tenants/" + TENANT + "/environments/" + ENVIRONMENT + "/evidence";
    }

    public static String verifyPath(String bundleId) {
        return uploadPath() + "/" + bundleId + "/verify";
    }

    /** The object key of a bundle's file (or {@code manifest.json}). */
    public static String objectKey(String bundleId, String file) {
        return KEY_PREFIX + "/evidence/" + ENVIRONMENT + "/" + bundleId + "/" + file;
    }

    /**
     * Sends {@code request}; a connection cut or refused (the hub died) is an answer of status 0, so a caller can
     * tell it from every HTTP answer and retry elsewhere.
     */
    public static Api.Answer upload(Api api, String user, String password, Map<String, Object> request) {
        try {
            return api.postJson(uploadPath(), user, password, request);
        } catch (UncheckedIOException cut) {
            return new Api.Answer(0, Map.of(), String.valueOf(cut.getCause()));
        }
    }
}
