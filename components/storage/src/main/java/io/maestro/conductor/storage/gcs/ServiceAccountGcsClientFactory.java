package io.maestro.conductor.storage.gcs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.storage.StorageInstanceConfig;

/**
 * The production GCS client: project from {@code projectId}, credentials from the service-account JSON key that
 * {@code serviceAccountKey} references (without one, the hub's application-default credentials), host from
 * {@code endpoint} when set. A service-account key also lets signed_url sign V4 URLs.
 */
public final class ServiceAccountGcsClientFactory implements GcsClientFactory {

    static final String PURPOSE = "storage.gcs.client";

    @Override
    public Storage create(ResolvedInstance instance, StorageInstanceConfig config, InstanceSecrets secrets)
            throws Exception {
        StorageOptions.Builder options = StorageOptions.newBuilder()
                .setProjectId(instance.requireOption(StorageInstanceConfig.PROJECT_ID));
        var key = secrets.optional(StorageInstanceConfig.SERVICE_ACCOUNT_KEY, PURPOSE);
        if (key.isPresent()) {
            options.setCredentials(ServiceAccountCredentials.fromStream(
                    new ByteArrayInputStream(key.get().reveal().getBytes(StandardCharsets.UTF_8))));
        } else {
            options.setCredentials(GoogleCredentials.getApplicationDefault());
        }
        config.endpoint().ifPresent(options::setHost);
        return options.build().getService();
    }
}
