package io.maestro.conductor.hub.events;

import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.InstanceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The event-bus instances conductor events go to: one per tenant+environment, named by the settings. */
@Component
public class EventBuses {

    /** One tenant+environment that has an active event-bus instance of the configured name. */
    public record Bus(String tenant, String environment, String instance) {}

    private final Registry registry;
    private final ConductorEventsProperties settings;

    public EventBuses(Registry registry, ConductorEventsProperties settings) {
        this.registry = registry;
        this.settings = settings;
    }

    public Optional<Bus> of(String tenant, String environment) {
        return registry.instances(tenant, environment).stream()
                .filter(this::isBus)
                .findFirst()
                .map(instance -> new Bus(tenant, environment, instance.name()));
    }

    public List<Bus> all() {
        List<Bus> buses = new ArrayList<>();
        registry.tenants()
                .forEach(tenant -> tenant.environments()
                        .forEach(env -> of(tenant.id(), env).ifPresent(buses::add)));
        return buses;
    }

    public boolean isBus(AdapterInstance instance) {
        return instance.name().equals(settings.instance())
                && instance.category() == AdapterCategory.EVENT_BUS
                && instance.state() == InstanceState.ACTIVE;
    }

    public String instanceName() {
        return settings.instance();
    }
}
