package io.maestro.conductor.hub.alert;

import com.hazelcast.core.HazelcastInstance;
import io.maestro.conductor.adapter.instance.InstanceResolver;
import io.maestro.conductor.hub.health.AdapterHealthService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.TreeSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Alert store, evaluator and delivery (notify:, ticketing:) over the cluster's maps, and gauge {@code conductor.alerts.firing} per category. */
@Configuration(proxyBeanMethods = false)
public class AlertConfiguration {

    @Bean
    AlertStore alertStore(HazelcastInstance hazelcast, AlertProperties properties) {
        return new AlertStore(
                hazelcast.getMap(AlertStore.FIRING_MAP),
                hazelcast.getMap(AlertStore.RESOLVED_MAP),
                properties.resolvedRetention());
    }

    @Bean
    AlertDelivery alertDelivery(AlertDeliveryProperties properties, InstanceResolver instances) {
        return new AlertDelivery(properties, instances);
    }

    @Bean
    AlertEvaluator alertEvaluator(AdapterHealthService health, AlertStore store, AlertProperties properties) {
        return new AlertEvaluator(() -> health.instances(tenant -> true), store, properties, Clock.systemUTC());
    }

    /** Firing alerts per configured category, read from the cluster's map when scraped (so every hub reports them). */
    @Bean
    MeterBinder firingAlerts(AlertStore store, AlertProperties properties) {
        return meters -> new TreeSet<>(properties.rules().keySet())
                .stream()
                        .filter(category -> !AlertProperties.DEFAULT_RULE.equals(category))
                        .forEach(category -> Gauge.builder(
                                        "conductor.alerts.firing",
                                        store,
                                        alerts -> alerts.firing().stream()
                                                .filter(alert ->
                                                        alert.category().equals(category))
                                                .count())
                                .description("Adapter alerts firing, by adapter category")
                                .tag("category", category)
                                .register(meters));
    }
}
