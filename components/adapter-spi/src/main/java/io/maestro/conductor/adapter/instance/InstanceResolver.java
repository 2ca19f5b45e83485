package io.maestro.conductor.adapter.instance;

/**
 * Finds an installed adapter instance. The hub backs this with the registry; tests use an in-memory table.
 * Called on every exchange, so implementations answer from a cache (the registry's Hazelcast map).
 */
@FunctionalInterface
public interface InstanceResolver {

    /**
     * @return the instance, in the category the calling component serves
     * @throws io.maestro.conductor.adapter.AdapterException {@code ADAPTER_NOT_INSTALLED} when there is none
     */
    ResolvedInstance resolve(InstanceRef ref, String category);
}
