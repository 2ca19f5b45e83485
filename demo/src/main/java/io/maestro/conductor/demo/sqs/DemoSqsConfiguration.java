package io.maestro.conductor.demo.sqs;

import io.maestro.conductor.demo.DemoEventBus;
import io.maestro.conductor.demo.DemoSecrets;
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
 * The embedded default's SQS event bus: an ElasticMQ server on 127.0.0.1 (messages kept in the data dir) and a demo
 * tenant's event-bus instance on it, so that tenant+environment's conductor events (adapter installed, evidence
 * stored, ...) flow over SQS and its adapter-review worker consumes them. Never under the {@code production} profile
 * (it installs and re-points an instance at its own peer); off with {@code conductor.demo.sqs.enabled=false}.
 */
@AutoConfiguration
@Profile("!production")
@ConditionalOnProperty(name = "conductor.demo.sqs.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DemoSqsProperties.class)
public class DemoSqsConfiguration {

    static final Actor ACTOR = Actor.system("demo-sqs");
    static final String ACCESS_KEY_SECRET = "secret:events-sqs-access-key";
    static final String SECRET_KEY_SECRET = "secret:events-sqs-secret-key";

    @Bean(destroyMethod = "close")
    DemoSqsPeer demoSqsPeer(ConductorProperties conductor) {
        return DemoSqsPeer.start(conductor.dataDir());
    }

    /**
     * atlas/prod's {@code events} instance (by default) on the peer. The peer's credentials go into the secrets the
     * instance names first (a write, with its receipt, only when a secret holds something else).
     */
    @Bean
    DemoEventBus demoSqsEventBus(
            Registry registry,
            DemoSqsPeer peer,
            DemoSqsProperties demo,
            ConductorEventsProperties events,
            ApplicationEventPublisher publisher) {
        DemoEventBus.Instance instance = new DemoEventBus.Instance(
                demo.tenant(),
                demo.environment(),
                events.instance(),
                demo.region(),
                EventbusComponent.BACKEND_SQS,
                Json.MAPPER
                        .createObjectNode()
                        .put(EventbusDefinitions.ENDPOINT, peer.endpoint())
                        .put(EventbusDefinitions.REGION, peer.region())
                        .put(EventbusDefinitions.ACCESS_KEY, ACCESS_KEY_SECRET)
                        .put(EventbusDefinitions.SECRET_KEY, SECRET_KEY_SECRET),
                EventbusDefinitions.ENDPOINT);
        return new DemoEventBus(registry, publisher, ACTOR, instance, () -> {
            DemoSecrets.put(registry, ACTOR, demo.tenant(), demo.environment(), ACCESS_KEY_SECRET, peer.accessKey());
            DemoSecrets.put(registry, ACTOR, demo.tenant(), demo.environment(), SECRET_KEY_SECRET, peer.secretKey());
        });
    }
}
