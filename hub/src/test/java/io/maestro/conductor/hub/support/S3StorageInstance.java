package io.maestro.conductor.hub.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.sandbox.S3ProxySandbox;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Installs an {@code s3-storage} instance on an in-process S3Proxy: path-style, static credentials from the tenant's
 * secrets {@code s3-access} and {@code s3-secret} (which the caller puts first).
 */
public final class S3StorageInstance {

    private static final ObjectMapper JSON = new ObjectMapper();

    private S3StorageInstance() {}

    public static void install(
            Registry registry,
            String tenant,
            String env,
            String name,
            S3ProxySandbox s3,
            String bucket,
            String region,
            String keyPrefix) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bucket", bucket);
        config.put("region", region);
        config.put("endpoint", s3.endpoint().toString());
        config.put("keyPrefix", keyPrefix);
        config.put("forcePathStyle", true);
        config.put("accessKey", "secret:s3-access");
        config.put("secretKey", "secret:s3-secret");
        registry.install(
                new Actor("test"),
                tenant,
                env,
                name,
                new InstallRequest("s3-storage", null, JSON.valueToTree(config), region));
    }
}
