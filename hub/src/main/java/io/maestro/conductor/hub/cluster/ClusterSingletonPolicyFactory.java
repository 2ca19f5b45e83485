package io.maestro.conductor.hub.cluster;

import com.hazelcast.core.HazelcastInstance;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Gives each route named in {@link ClusterSingletons#ROUTES} its {@link ClusterSingletonPolicy}, whether it is
 * defined in Java or in a routes/*.yaml file, so no route declares its own (Camel adds every RoutePolicyFactory
 * bean to the context).
 */
@Component
public class ClusterSingletonPolicyFactory implements RoutePolicyFactory {

    private final HazelcastInstance hazelcast;

    public ClusterSingletonPolicyFactory(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return ClusterSingletons.ROUTES.contains(routeId) ? new ClusterSingletonPolicy(hazelcast, routeId) : null;
    }
}
