package io.maestro.conductor.hub.residency;

import io.maestro.conductor.registry.model.AdapterInstance;

/**
 * Where one storage instance of a tenant keeps data. Built from the instance config's plain fields only, so no
 * secret reference, let alone a secret, can appear.
 *
 * @param backend the adapter definition, e.g. {@code s3-storage}
 * @param region  the instance's region tag, which residency decides on
 */
public record StorageLocation(
        String environment,
        String instance,
        String backend,
        String bucket,
        String region,
        String keyPrefix,
        String state) {

    static StorageLocation of(AdapterInstance instance) {
        return new StorageLocation(
                instance.environment(),
                instance.name(),
                instance.definitionName(),
                text(instance, "bucket"),
                instance.region(),
                text(instance, "keyPrefix"),
                instance.state().name());
    }

    private static String text(AdapterInstance instance, String field) {
        return instance.config() != null && instance.config().hasNonNull(field)
                ? instance.config().get(field).asText()
                : null;
    }
}
