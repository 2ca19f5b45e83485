package io.maestro.conductor.hub.config;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.instance.EndpointQualifier;
import java.util.List;
import java.util.UUID;

/**
 * The Hazelcast member config of a hub.
 *
 * <ul>
 *   <li>Listens on {@code bind-address} only ({@code hazelcast.socket.bind.any=false}), never on every interface.</li>
 *   <li>Serves the member protocol only: no client endpoint, so no Hazelcast client (which the open-source edition
 *       would let in on the cluster name alone) can read the registry maps.</li>
 *   <li>Joins exactly the configured members: a member without a port gets the hub's port, so nothing probes a port
 *       range; multicast and auto-detection are off.</li>
 *   <li>The cluster name carries the {@link ClusterSecret}, so only hubs holding it join. Hazelcast puts the cluster
 *       name in every log line's prefix and in default instance and thread names: log details are off and the
 *       instance is named without it.</li>
 * </ul>
 */
public final class HubMember {

    private HubMember() {}

    public static Config config(HazelcastProperties properties, ClusterSecret secret) {
        Config config = new Config();
        config.setClusterName(secret.clusterName(properties.clusterName()));
        config.setInstanceName("conductor-hub-" + UUID.randomUUID().toString().substring(0, 8));
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.logging.details.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.local.localAddress", properties.bindAddress());
        // A member that shuts down with the hub must not keep the JVM alive or race Spring's shutdown.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        AdvancedNetworkConfig network = config.getAdvancedNetworkConfig().setEnabled(true);
        ServerSocketEndpointConfig member =
                (ServerSocketEndpointConfig) network.getEndpointConfigs().get(EndpointQualifier.MEMBER);
        member.setPort(properties.port()).setPortAutoIncrement(properties.portAutoIncrement());
        member.getInterfaces().setEnabled(true).addInterface(properties.bindAddress());
        JoinConfig join = network.getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(exactMembers(properties.members(), properties.port()));
        return config;
    }

    /** {@code host} becomes {@code host:port}, so Hazelcast tries that one address and no port range. */
    static List<String> exactMembers(List<String> members, int port) {
        return members.stream()
                .map(String::strip)
                .map(member -> member.contains(":") ? member : member + ":" + port)
                .toList();
    }
}
