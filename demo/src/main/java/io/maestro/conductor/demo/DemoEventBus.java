package io.maestro.conductor.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.hub.events.ConductorEvent;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.model.AdapterInstance;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Gives a demo tenant+environment its event-bus instance on a demo broker (Kafka or SQS) before the hub starts the
 * event workers (this listener runs first): installed on the first start (a receipt), re-pointed only when the
 * broker's address moved (an update with a receipt), left alone otherwise. An install or update is announced as the
 * API announces one ({@code conductor.adapter.installed} / {@code .updated}), which starts the tenant's adapter-review
 * worker and is the first event on the bus.
 */
public class DemoEventBus {

    /**
     * The instance the demo gives the tenant.
     *
     * @param definition the event-bus definition ({@code kafka-eventbus}, {@code sqs-eventbus})
     * @param config     its config on the demo broker
     * @param address    the config key that names the broker (compared with the installed instance's)
     */
    public record Instance(
            String tenant,
            String environment,
            String name,
            String region,
            String definition,
            ObjectNode config,
            String address) {

        String id() {
            return tenant + "/" + environment + "/" + name;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DemoEventBus.class);

    private final Registry registry;
    private final ApplicationEventPublisher publisher;
    private final Actor actor;
    private final Instance wanted;
    private final Runnable prepare;

    /** @param prepare what the instance needs first (its secrets), run only when the tenant exists */
    public DemoEventBus(
            Registry registry, ApplicationEventPublisher publisher, Actor actor, Instance wanted, Runnable prepare) {
        this.registry = registry;
        this.publisher = publisher;
        this.actor = actor;
        this.wanted = wanted;
        this.prepare = prepare;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void apply() {
        if (registry.tenant(wanted.tenant()).isEmpty()) {
            LOG.info("event=demo_event_bus_skipped instance={} reason=\"no tenant {}\"", wanted.id(), wanted.tenant());
            return;
        }
        prepare.run();
        Optional<AdapterInstance> current = registry.instance(wanted.tenant(), wanted.environment(), wanted.name());
        String at = wanted.config().path(wanted.address()).asText();
        AdapterInstance applied;
        String type;
        if (current.isEmpty()) {
            applied = registry.install(
                    actor,
                    wanted.tenant(),
                    wanted.environment(),
                    wanted.name(),
                    new InstallRequest(wanted.definition(), null, wanted.config(), wanted.region()));
            type = ConductorEvent.ADAPTER_INSTALLED;
        } else if (!at.equals(current.get().config().path(wanted.address()).asText())) {
            ObjectNode pointed = current.get().config().deepCopy();
            pointed.setAll(wanted.config());
            applied = registry.update(
                    actor,
                    wanted.tenant(),
                    wanted.environment(),
                    wanted.name(),
                    new UpdateRequest(current.get().configVersion(), pointed, null, null));
            type = ConductorEvent.ADAPTER_UPDATED;
        } else {
            LOG.info("event=demo_event_bus_ready instance={} {}={} changed=false", wanted.id(), wanted.address(), at);
            return;
        }
        publisher.publishEvent(new ConductorEvent(
                applied.tenant(),
                applied.environment(),
                type,
                actor.id(),
                Map.of(
                        "instance", applied.name(),
                        "definition", applied.definitionName(),
                        "version", applied.definitionVersion(),
                        "category", applied.category().id())));
        LOG.info("event=demo_event_bus_ready instance={} {}={} changed=true", wanted.id(), wanted.address(), at);
    }
}
