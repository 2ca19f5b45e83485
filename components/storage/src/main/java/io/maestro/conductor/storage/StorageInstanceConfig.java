package io.maestro.conductor.storage;

import java.util.Optional;
import java.util.regex.Pattern;

import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.instance.ResolvedInstance;

/**
 * The config of one storage instance, read from the registry's instance config. Credentials are secret references
 * ({@code secret:<name>}) resolved from the tenant's namespace by the backend, never values.
 *
 * <table>
 * <tr><th>key</th><th>backend</th><th>meaning</th></tr>
 * <tr><td>bucket</td><td>all</td><td>required</td></tr>
 * <tr><td>region</td><td>s3-storage</td><td>signing region, e.g. eu-central-1 (default us-east-1)</td></tr>
 * <tr><td>endpoint</td><td>all</td><td>endpoint override for S3-compatible stores (MinIO, S3Proxy) or a GCS emulator</td></tr>
 * <tr><td>keyPrefix</td><td>all</td><td>prefix every key lives under; default {@code tenant/environment}</td></tr>
 * <tr><td>forcePathStyle</td><td>s3-storage</td><td>path-style addressing (true for most S3-compatible stores)</td></tr>
 * <tr><td>accessKey, secretKey</td><td>s3-storage</td><td>secret references; absent means the default AWS credential chain</td></tr>
 * <tr><td>projectId, serviceAccountKey</td><td>gcs-storage</td><td>project and a secret reference to a service-account JSON key</td></tr>
 * </table>
 */
public record StorageInstanceConfig(String bucket, String region, Optional<String> endpoint, String keyPrefix,
                                    boolean pathStyle) {

    public static final String BUCKET = "bucket";
    public static final String REGION = "region";
    public static final String ENDPOINT = "endpoint";
    public static final String KEY_PREFIX = "keyPrefix";
    public static final String PATH_STYLE = "forcePathStyle";
    public static final String ACCESS_KEY = "accessKey";
    public static final String SECRET_KEY = "secretKey";
    public static final String PROJECT_ID = "projectId";
    public static final String SERVICE_ACCOUNT_KEY = "serviceAccountKey";

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._=-]+(/[A-Za-z0-9._=-]+)*");

    public static StorageInstanceConfig of(ResolvedInstance instance) {
        String bucket = instance.requireOption(BUCKET);
        if (!BUCKET_NAME.matcher(bucket).matches()) {
            throw invalid(instance, "bucket is not a valid bucket name");
        }
        String prefix = instance.option(KEY_PREFIX)
                .map(StorageInstanceConfig::trimSlashes)
                .orElse(instance.ref().tenant() + "/" + instance.ref().environment());
        if (!PREFIX.matcher(prefix).matches() || prefix.contains("..")) {
            throw invalid(instance, "keyPrefix must be plain path segments");
        }
        return new StorageInstanceConfig(bucket,
                instance.option(REGION).orElse(instance.region() != null ? instance.region() : "us-east-1"),
                instance.option(ENDPOINT), prefix, instance.flag(PATH_STYLE, false));
    }

    private static String trimSlashes(String prefix) {
        String trimmed = prefix;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static AdapterException invalid(ResolvedInstance instance, String detail) {
        return new AdapterException(SpiErrorCode.CONFIG_INVALID, instance.ref().id(), detail);
    }
}
