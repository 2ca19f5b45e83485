package io.maestro.conductor.hub.adapter;

import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.registry.graph.OperationCatalog;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.springframework.stereotype.Service;

/**
 * The operations of the adapters this hub runs, from their components in the Camel context: the workflow validator
 * refuses {@code storage:put} because the storage component has no such operation, as Camel would refuse to create
 * the endpoint. A scheme with no adapter component here is not checked.
 */
@Service
public class CamelOperationCatalog implements OperationCatalog {

    private final CamelContext camel;

    public CamelOperationCatalog(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public Optional<Set<String>> operations(String scheme) {
        Component component = camel.getComponent(scheme);
        return component instanceof AdapterComponent<?> adapter
                ? Optional.of(adapter.operationNames())
                : Optional.empty();
    }
}
