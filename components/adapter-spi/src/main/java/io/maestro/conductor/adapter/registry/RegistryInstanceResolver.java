package io.maestro.conductor.adapter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.InstanceResolver;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.RegistryException;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.InstanceState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves instances from the registry (its Hazelcast view). The backend is the instance's definition name (e.g.
 * {@code s3-storage}); risk level and data sensitivity come from the definition's risk posture. A disabled instance,
 * an unknown tenant or environment, or an instance of another category all read as not installed.
 */
public final class RegistryInstanceResolver implements InstanceResolver {

    /** The registry's instance object a resolution was built from (the near cache serves the same object). */
    private record Resolved(AdapterInstance source, ResolvedInstance instance) {}

    private final Registry registry;
    /**
     * The last resolution per instance, reused while the registry serves the very same instance object: any change
     * (config, state, definition version) stores a new one. Saves the definition lookup and flattening the JSON
     * config on every adapter call; checks of category and state still run on every call.
     */
    private final Map<InstanceRef, Resolved> resolved = new ConcurrentHashMap<>();

    public RegistryInstanceResolver(Registry registry) {
        this.registry = registry;
    }

    @Override
    public ResolvedInstance resolve(InstanceRef ref, String category) {
        AdapterInstance instance;
        try {
            instance = registry.instance(ref.tenant(), ref.environment(), ref.instance())
                    .orElse(null);
        } catch (RegistryException e) {
            throw notInstalled(ref, category, e.code().name());
        }
        if (instance == null || !instance.category().id().equals(category)) {
            throw notInstalled(ref, category, "no such instance");
        }
        if (instance.state() != InstanceState.ACTIVE) {
            throw notInstalled(ref, category, "instance is " + instance.state());
        }
        Resolved last = resolved.get(ref);
        if (last != null && last.source() == instance) {
            return last.instance();
        }
        AdapterDefinition definition = registry.definition(instance.definitionName(), instance.definitionVersion());
        ResolvedInstance fresh = new ResolvedInstance(
                ref,
                category,
                instance.definitionName(),
                instance.configVersion(),
                instance.region(),
                definition.risk().riskLevel(),
                definition.risk().dataSensitivity(),
                flatten(instance.config()));
        resolved.put(ref, new Resolved(instance, fresh));
        return fresh;
    }

    /** Instance configs are flat objects of scalars (the definitions' schemas say so); nested values keep their JSON. */
    private static Map<String, String> flatten(JsonNode config) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (config != null) {
            config.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    flat.put(
                            field.getKey(),
                            field.getValue().isValueNode()
                                    ? field.getValue().asText()
                                    : field.getValue().toString());
                }
            });
        }
        return flat;
    }

    private static AdapterException notInstalled(InstanceRef ref, String category, String why) {
        return new AdapterException(
                SpiErrorCode.ADAPTER_NOT_INSTALLED, ref.id(), "no active " + category + " instance (" + why + ")");
    }
}
