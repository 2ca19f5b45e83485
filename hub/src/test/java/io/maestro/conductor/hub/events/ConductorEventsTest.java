package io.maestro.conductor.hub.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.sandbox.eventbus.KafkaSandbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Conductor events end to end on the hub, over a real Kafka broker: atlas/dev installs an event-bus instance named
 * {@code events} through the API, which starts its adapter-review worker; installing another adapter then publishes
 * {@code conductor.adapter.installed} to atlas's namespace, and the worker runs {@code direct:adapter-review} for it.
 */
class ConductorEventsTest extends HubIntegrationTest {

    private static final String ADAPTERS = "/api/tenants/atlas/environments/dev/adapters";
    private static final KafkaSandbox KAFKA = KafkaSandbox.startTransient();

    @Autowired
    CamelContext camel;

    @AfterAll
    static void stopKafka() {
        KAFKA.close();
    }

    @Test
    void anInstalledAdapterIsReviewedThroughTheTenantsEventBus() throws InterruptedException {
        Answer bus = api.postJson(
                ADAPTERS + "/events",
                OPERATOR,
                operatorPassword(),
                Map.of(
                        "definition",
                        "kafka-eventbus",
                        "region",
                        "eu-west-1",
                        "config",
                        Map.of("brokers", KAFKA.brokers())));
        assertThat(bus.status()).as(bus.body()).isEqualTo(201);
        assertThat(camel.getRoute("adapter-review-worker-atlas-dev")).isNotNull();

        CountDownLatch reviewed = new CountDownLatch(1);
        EventNotifierSupport sentToReview = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeSentEvent sent
                        && sent.getEndpoint().getEndpointUri().startsWith("direct://adapter-review")
                        && "reviewed-ledger"
                                .equals(sent.getExchange().getMessage().getHeader(AdapterHeaders.INSTANCE))) {
                    reviewed.countDown();
                }
            }
        };
        camel.getManagementStrategy().addEventNotifier(sentToReview);
        ServiceHelper.startService(sentToReview);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bucket", "atlas-reviewed-ledger");
        config.put("region", "eu-west-1");
        config.put("accessKey", "secret:evidence-access-key");
        config.put("secretKey", "secret:evidence-secret-key");
        Answer installed = api.postJson(
                ADAPTERS + "/reviewed-ledger",
                OPERATOR,
                operatorPassword(),
                Map.of("definition", "s3-storage", "region", "eu-west-1", "config", config));

        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        assertThat(reviewed.await(60, TimeUnit.SECONDS))
                .as("direct:adapter-review ran for the installed instance")
                .isTrue();
    }
}
