package io.maestro.conductor.storage.gcs;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.storage.StorageDefinitions;
import io.maestro.conductor.storage.StorageInstanceConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The production GCS client: credentials from the service-account JSON key that {@code serviceAccountKey}
 * references (never the hub's own application-default credentials: they would hand one tenant the hub's rights),
 * project from {@code projectId} or else the key's own project, host from {@code endpoint} when set. A
 * service-account key also lets signed_url sign V4 URLs.
 */
public final class ServiceAccountGcsClientFactory implements GcsClientFactory {

    static final String PURPOSE = "storage.gcs.client";

    @Override
    public Storage create(ResolvedInstance instance, StorageInstanceConfig config, InstanceSecrets secrets)
            throws Exception {
        ServiceAccountCredentials credentials = credentials(instance, secrets);
        String project = config.config().string(StorageDefinitions.PROJECT_ID).orElse(credentials.getProjectId());
        if (project == null || project.isBlank()) {
            throw new AdapterException(
                    SpiErrorCode.CONFIG_INVALID,
                    instance.ref().id(),
                    "config key 'projectId' is required when the service-account key names no project");
        }
        StorageOptions.Builder options =
                StorageOptions.newBuilder().setProjectId(project).setCredentials(credentials);
        config.endpoint().ifPresent(options::setHost);
        return options.build().getService();
    }

    private static ServiceAccountCredentials credentials(ResolvedInstance instance, InstanceSecrets secrets) {
        byte[] key = secrets.require(StorageDefinitions.SERVICE_ACCOUNT_KEY, PURPOSE)
                .reveal()
                .getBytes(StandardCharsets.UTF_8);
        try {
            return ServiceAccountCredentials.fromStream(new ByteArrayInputStream(key));
        } catch (IOException | RuntimeException e) {
            // Not chained: the parser's message may quote the key.
            throw new AdapterException(
                    SpiErrorCode.CONFIG_INVALID,
                    instance.ref().id(),
                    "secret of config key 'serviceAccountKey' is not a service-account JSON key");
        }
    }
}
