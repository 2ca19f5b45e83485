package io.maestro.conductor.hub.config;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.maestro.conductor.registry.cache.RegistryMaps;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-process Hazelcast member that serves the registry's maps, loaded from the SQL system of record. */
@Configuration(proxyBeanMethods = false)
public class HazelcastConfiguration {

    @Bean(destroyMethod = "shutdown")
    public HazelcastInstance hazelcastInstance(HazelcastProperties properties, DataSource dataSource) {
        Config config = new Config();
        config.setClusterName(properties.clusterName());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // A member that shuts down with the hub must not keep the JVM alive or race Spring's shutdown.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(properties.port()).setPortAutoIncrement(properties.portAutoIncrement());
        network.getInterfaces().setEnabled(true).addInterface(properties.bindAddress());
        config.setProperty("hazelcast.local.localAddress", properties.bindAddress());
        JoinConfig join = network.getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(properties.members());
        RegistryMaps.configure(config, dataSource);
        return Hazelcast.newHazelcastInstance(config);
    }
}
