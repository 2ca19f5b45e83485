package io.maestro.conductor.hub.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's Hazelcast member. Discovery is always an explicit TCP-IP member list: multicast and
 * cloud auto-detection are off so a hub never joins a cluster nobody configured.
 *
 * @param clusterName hubs with the same name and reachable members form one cluster
 * @param bindAddress interface the member listens on
 * @param port        first port tried; {@code portAutoIncrement} lets it move up when taken
 * @param members     TCP-IP members ({@code host} or {@code host:port}); the embedded default lists only itself
 */
@ConfigurationProperties("conductor.hazelcast")
public record HazelcastProperties(
        @DefaultValue("conductor") String clusterName,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("5701") int port,
        @DefaultValue("false") boolean portAutoIncrement,
        @DefaultValue("127.0.0.1") List<String> members) {
}
