package io.maestro.conductor.demo.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.eventbus.EventbusDefinitions;
import io.maestro.conductor.hub.events.ConductorEvent;
import io.maestro.conductor.hub.events.ConductorEventsProperties;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.store.Json;
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
 * Gives the demo tenant+environment its event-bus instance on the demo Kafka peer before the hub starts the
 * event workers (this listener runs first): installed on the first start (a receipt), re-pointed only when the
 * peer's port moved (an update with a receipt), left alone otherwise. An install or update is announced as the API
 * announces one ({@code conductor.adapter.installed} / {@code .updated}), which starts the tenant's adapter-review
 * worker and is the first event on the bus.
 */
public class DemoEventsSetup {

    static final Actor ACTOR = Actor.system("demo-events");
    static final String DEFINITION = "kafka-eventbus";
    private static final Logger LOG = LoggerFactory.getLogger(DemoEventsSetup.class);

    private final Registry registry;
    private final DemoEventsPeer peer;
    private final DemoEventsProperties demo;
    private final ConductorEventsProperties events;
    private final ApplicationEventPublisher publisher;

    public DemoEventsSetup(
            Registry registry,
            DemoEventsPeer peer,
            DemoEventsProperties demo,
            ConductorEventsProperties events,
            ApplicationEventPublisher publisher) {
        this.registry = registry;
        this.peer = peer;
        this.demo = demo;
        this.events = events;
        this.publisher = publisher;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void run() {
        if (registry.tenant(demo.tenant()).isEmpty()) {
            LOG.info("event=demo_events_skipped reason=\"no tenant {}\"", demo.tenant());
            return;
        }
        Optional<AdapterInstance> current = registry.instance(demo.tenant(), demo.environment(), events.instance());
        ObjectNode config = Json.MAPPER.createObjectNode().put(EventbusDefinitions.BROKERS, peer.brokers());
        AdapterInstance applied;
        String type;
        if (current.isEmpty()) {
            applied = registry.install(
                    ACTOR,
                    demo.tenant(),
                    demo.environment(),
                    events.instance(),
                    new InstallRequest(DEFINITION, null, config, demo.region()));
            type = ConductorEvent.ADAPTER_INSTALLED;
        } else if (!peer.brokers()
                .equals(current.get().config().path(EventbusDefinitions.BROKERS).asText())) {
            ObjectNode pointed = current.get().config().deepCopy();
            pointed.put(EventbusDefinitions.BROKERS, peer.brokers());
            applied = registry.update(
                    ACTOR,
                    demo.tenant(),
                    demo.environment(),
                    events.instance(),
                    new UpdateRequest(current.get().configVersion(), pointed, null, null));
            type = ConductorEvent.ADAPTER_UPDATED;
        } else {
            LOG.info(
                    "event=demo_events_ready instance={} brokers={} changed=false",
                    demo.tenant() + "/" + demo.environment() + "/" + events.instance(),
                    peer.brokers());
            return;
        }
        publisher.publishEvent(new ConductorEvent(
                applied.tenant(),
                applied.environment(),
                type,
                ACTOR.id(),
                Map.of(
                        "instance", applied.name(),
                        "definition", applied.definitionName(),
                        "version", applied.definitionVersion(),
                        "category", applied.category().id())));
        LOG.info(
                "event=demo_events_ready instance={} brokers={} changed=true",
                demo.tenant() + "/" + demo.environment() + "/" + events.instance(),
                peer.brokers());
    }
}
