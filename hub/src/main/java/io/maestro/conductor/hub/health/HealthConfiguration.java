package io.maestro.conductor.hub.health;

import com.hazelcast.core.HazelcastInstance;
import io.maestro.conductor.registry.Registry;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adapter health over the cluster: the replicated stats map, this hub's flush, inventory and the board. */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    HealthInventory healthInventory(Registry registry) {
        return new HealthInventory(registry);
    }

    @Bean
    AdapterHealthService adapterHealthService(
            HazelcastInstance hazelcast, HealthInventory inventory, HealthProperties properties) {
        return new AdapterHealthService(
                hazelcast.getReplicatedMap(AdapterHealthService.MAP),
                inventory,
                new AdapterHealthBoard(new HealthRules(properties), properties),
                Clock.systemUTC());
    }

    @Bean
    HealthChanges healthChanges(HazelcastInstance hazelcast) {
        return HealthChanges.listening(hazelcast);
    }

    @Bean
    AdapterStatsFlush adapterStatsFlush(
            CamelContext camel, HazelcastInstance hazelcast, HealthInventory inventory, HealthProperties properties) {
        return new AdapterStatsFlush(
                camel,
                hazelcast.getReplicatedMap(AdapterHealthService.MAP),
                hazelcast.getCluster().getLocalMember().getUuid().toString(),
                inventory,
                properties,
                Clock.systemUTC());
    }
}
