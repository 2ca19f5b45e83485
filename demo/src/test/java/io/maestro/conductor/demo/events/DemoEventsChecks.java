package io.maestro.conductor.demo.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.demo.DemoHub;
import io.maestro.conductor.eventbus.EventbusDefinitions;
import io.maestro.conductor.hub.events.ConductorEvent;
import io.maestro.conductor.hub.support.AdapterReviews;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterInstance;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The embedded default's event bus: atlas/dev has its {@code events} instance on the demo Kafka peer, its
 * adapter-review worker runs, and a conductor event published on the hub reaches {@code direct:adapter-review}
 * through the broker.
 */
public abstract class DemoEventsChecks {

    @Autowired
    DemoEventsPeer peer;

    @Autowired
    Registry registry;

    @Autowired
    CamelContext camel;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void theDemoTenantsEventsFlowThroughTheDemoBrokerToItsReviewWorker() throws Exception {
        AdapterInstance bus = registry.requireInstance("atlas", "dev", "events");
        assertThat(bus.category()).isEqualTo(AdapterCategory.EVENT_BUS);
        assertThat(bus.config().path(EventbusDefinitions.BROKERS).asText()).isEqualTo(peer.brokers());
        assertThat(Files.readString(DemoHub.DATA_DIR.resolve(DemoEventsPeer.PORTS_FILE)))
                .startsWith(peer.brokers().substring(peer.brokers().indexOf(':') + 1) + " ");
        assertThat(camel.getRoute("adapter-review-worker-atlas-dev")).isNotNull();

        CountDownLatch reviewed = AdapterReviews.reviewOf(camel, "demo-probe");
        events.publishEvent(new ConductorEvent(
                "atlas",
                "dev",
                ConductorEvent.ADAPTER_INSTALLED,
                "demo-events-test",
                Map.of(
                        "instance",
                        "demo-probe",
                        "definition",
                        "s3-storage",
                        "version",
                        "1.0.0",
                        "category",
                        "storage")));

        assertThat(reviewed.await(60, TimeUnit.SECONDS))
                .as("the event went through the demo broker to direct:adapter-review")
                .isTrue();
    }
}
