package io.maestro.conductor.hub.events;

import java.util.Map;

/**
 * Something the conductor did for a tenant, told to the tenant's event bus (when it has one) as topic
 * {@code conductor.<type>}, body the JSON of {@code data}. Raised as a Spring application event, so the code that
 * does the work knows nothing of the bus.
 *
 * @param type e.g. {@link #ADAPTER_INSTALLED}
 */
public record ConductorEvent(String tenant, String environment, String type, String actor, Map<String, String> data) {

    public static final String ADAPTER_INSTALLED = "adapter.installed";
    public static final String ADAPTER_UPDATED = "adapter.updated";
    public static final String ADAPTER_UNINSTALLED = "adapter.uninstalled";
    public static final String EVIDENCE_STORED = "evidence.stored";

    public ConductorEvent {
        data = Map.copyOf(data);
    }

    /** The topic on the tenant's bus: {@code conductor.adapter.installed}, ... */
    public String topic() {
        return "conductor." + type;
    }
}
