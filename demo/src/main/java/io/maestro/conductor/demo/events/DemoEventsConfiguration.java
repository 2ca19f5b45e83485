package io.maestro.conductor.demo.events;

import io.maestro.conductor.hub.config.ConductorProperties;
import io.maestro.conductor.hub.events.ConductorEventsProperties;
import io.maestro.conductor.registry.Registry;
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

    @Bean(destroyMethod = "close")
    DemoEventsPeer demoEventsPeer(ConductorProperties conductor) {
        return DemoEventsPeer.start(conductor.dataDir());
    }

    @Bean
    DemoEventsSetup demoEventsSetup(
            Registry registry,
            DemoEventsPeer peer,
            DemoEventsProperties demo,
            ConductorEventsProperties events,
            ApplicationEventPublisher publisher) {
        return new DemoEventsSetup(registry, peer, demo, events, publisher);
    }
}
