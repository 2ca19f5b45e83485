package io.maestro.conductor.hub.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's Hazelcast member (see {@link HubMember}). Discovery is always an explicit TCP-IP member list: multicast
 * and cloud auto-detection are off so a hub never joins a cluster nobody configured.
 *
 * @param clusterName   hubs with the same name, the same cluster secret and each other in {@code members} form one
 *                      cluster
 * @param secret        the shared secret ({@link ClusterSecret}); blank: {@code <data-dir>/cluster-secret}, generated
 *                      on first start. Hubs of one cluster need the same value
 * @param bindAddress   the only interface the member listens on
 * @param port          the member's port; {@code portAutoIncrement} (off by default) lets it move up when taken
 * @param members       TCP-IP members ({@code host} or {@code host:port}; a bare host means this hub's port), tried
 *                      exactly: the embedded default lists only itself
 */
@ConfigurationProperties(prefix = "conductor.hazelcast", ignoreUnknownFields = false)
public record HazelcastProperties(
        @DefaultValue("conductor") String clusterName,
        String secret,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("5701") int port,
        @DefaultValue("false") boolean portAutoIncrement,
        @DefaultValue("127.0.0.1") List<String> members) {}
