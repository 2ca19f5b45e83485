package io.maestro.conductor.hub.config;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.maestro.conductor.hub.cluster.ClusterSingletons;
import io.maestro.conductor.registry.cache.RegistryMaps;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-process Hazelcast member that serves the registry's maps, loaded from the SQL system of record. */
@Configuration(proxyBeanMethods = false)
public class HazelcastConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    public HazelcastInstance hazelcastInstance(
            HazelcastProperties properties, ConductorProperties conductor, DataSource dataSource) {
        ClusterSecret secret = ClusterSecret.fromSettingOrDataDir(properties.secret(), conductor.dataDir());
        Config config = HubMember.config(properties, secret);
        RegistryMaps.configure(config, dataSource);
        ClusterSingletons.configure(config, properties.members().size());
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        LOG.info(
                "event=hazelcast_member_started cluster={} address={} members={}",
                properties.clusterName(),
                member.getCluster().getLocalMember().getAddress(),
                config.getAdvancedNetworkConfig().getJoin().getTcpIpConfig().getMembers());
        return member;
    }
}
