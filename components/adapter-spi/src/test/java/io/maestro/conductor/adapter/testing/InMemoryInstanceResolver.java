package io.maestro.conductor.adapter.testing;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.InstanceResolver;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** FOR TESTS ONLY: a table of instances standing in for the registry. */
public final class InMemoryInstanceResolver implements InstanceResolver {

    private final Map<InstanceRef, ResolvedInstance> instances = new ConcurrentHashMap<>();

    /** Adds or replaces an instance (a replacement should carry a higher config version). */
    public InMemoryInstanceResolver put(ResolvedInstance instance) {
        instances.put(instance.ref(), instance);
        return this;
    }

    /** Uninstalls the instance: it resolves as not installed from now on. */
    public InMemoryInstanceResolver remove(InstanceRef ref) {
        instances.remove(ref);
        return this;
    }

    @Override
    public ResolvedInstance resolve(InstanceRef ref, String category) {
        ResolvedInstance instance = instances.get(ref);
        if (instance == null || !instance.category().equals(category)) {
            throw new AdapterException(
                    SpiErrorCode.ADAPTER_NOT_INSTALLED,
                    ref.id(),
                    "no " + category + " instance is installed under this name");
        }
        return instance;
    }
}
