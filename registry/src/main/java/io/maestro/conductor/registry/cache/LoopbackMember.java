package io.maestro.conductor.registry.cache;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;

/**
 * A Hazelcast member config for a lone member on 127.0.0.1 that never looks for others (no multicast, no
 * TCP-IP join, no cloud auto-detection), so it starts in about a second: for tests and benchmarks.
 * Clustered deployments list their members instead.
 */
public final class LoopbackMember {

    private LoopbackMember() {}

    public static Config config(String clusterName) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().setPortAutoIncrement(true);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        return config;
    }
}
