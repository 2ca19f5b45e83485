package io.maestro.conductor.demo.events;

import io.maestro.conductor.demo.DemoEventBus;
import io.maestro.conductor.eventbus.EventbusComponent;
import io.maestro.conductor.eventbus.EventbusDefinitions;
import io.maestro.conductor.hub.config.ConductorProperties;
import io.maestro.conductor.hub.events.ConductorEventsProperties;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.store.Json;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default's event bus: a Kafka broker (KRaft) on 127.0.0.1 and the demo tenant's event-bus instance on
 * it, so conductor events (adapter installed, evidence stored, ...) flow and the adapter-review worker runs. Never
 * under the {@code production} profile (it installs and re-points an instance at its own peer); off with
 * {@code conductor.demo.events.enabled=false}.
 */
@AutoConfiguration
@Profile("!production")
@ConditionalOnProperty(name = "conductor.demo.events.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DemoEventsProperties.class)
public class DemoEventsConfiguration {

    static final Actor ACTOR = Actor.system("demo-events");

    @Bean(destroyMethod = "close")
    DemoEventsPeer demoEventsPeer(ConductorProperties conductor) {
        return DemoEventsPeer.start(conductor.dataDir());
    }

    /** atlas/dev's {@code events} instance (by default) on the broker. */
    @Bean
    DemoEventBus demoKafkaEventBus(
            Registry registry,
            DemoEventsPeer peer,
            DemoEventsProperties demo,
            ConductorEventsProperties events,
            ApplicationEventPublisher publisher) {
        DemoEventBus.Instance instance = new DemoEventBus.Instance(
                demo.tenant(),
                demo.environment(),
                events.instance(),
                demo.region(),
                EventbusComponent.BACKEND_KAFKA,
                Json.MAPPER.createObjectNode().put(EventbusDefinitions.BROKERS, peer.brokers()),
                EventbusDefinitions.BROKERS);
        return new DemoEventBus(registry, publisher, ACTOR, instance, () -> {});
    }
}
