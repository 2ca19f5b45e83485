package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An endpoint's operations by name: the table an adapter fills instead of writing a producer. The name is the
 * endpoint path ({@code storage:put_object}) or the component's operation header.
 *
 * @param <D> the component's delegate type
 */
public final class Operations<D> {

    private final Map<String, Operation<D>> byName = new LinkedHashMap<>();

    public Operations<D> on(String name, Operation<D> operation) {
        if (byName.putIfAbsent(name, operation) != null) {
            throw new IllegalArgumentException("operation " + name + " is in the table twice");
        }
        return this;
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    /** The operation of that name; {@code OPERATION_INVALID} listing the table when there is none. */
    public Operation<D> require(String category, String name, String instanceId) {
        Operation<D> operation = name == null ? null : byName.get(name);
        if (operation == null) {
            throw new AdapterException(
                    SpiErrorCode.OPERATION_INVALID,
                    instanceId,
                    category + " has no operation '" + name + "'; use one of " + String.join(", ", byName.keySet()));
        }
        return operation;
    }
}
