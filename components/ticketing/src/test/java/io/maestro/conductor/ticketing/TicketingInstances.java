package io.maestro.conductor.ticketing;

import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import java.util.HashMap;
import java.util.Map;

/** Ticketing instances for the tests: Redmine at {@code url}, API key from secret {@code <name>-redmine}. */
final class TicketingInstances {

    private TicketingInstances() {}

    static ResolvedInstance redmine(String tenant, String name, String url, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                TicketingDefinitions.ENDPOINT,
                url,
                TicketingDefinitions.API_KEY,
                "secret:" + name + "-redmine",
                TicketingDefinitions.PROJECT,
                RedminePeer.PROJECT,
                TicketingDefinitions.INITIAL_BACKOFF_MILLIS,
                "10"));
        config.putAll(extra);
        return new ResolvedInstance(
                new InstanceRef(tenant, "prod", name),
                TicketingComponent.CATEGORY,
                TicketingDefinitions.REDMINE,
                1,
                "eu-west-1",
                "medium",
                "confidential",
                config);
    }
}
