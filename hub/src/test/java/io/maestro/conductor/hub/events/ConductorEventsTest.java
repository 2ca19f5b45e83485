package io.maestro.conductor.hub.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.AdapterReviews;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.sandbox.eventbus.KafkaSandbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Conductor events end to end on the hub, over a real Kafka broker: atlas/dev installs an event-bus instance named
 * {@code events} through the API, which starts its adapter-review worker; installing another adapter then publishes
 * {@code conductor.adapter.installed} to atlas's namespace, and the worker runs {@code direct:adapter-review} for it.
 * Changes applied by approving a change request publish the same events.
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

    /** atlas/dev's event-bus instance {@code events} (installed by whichever test runs first). */
    private synchronized void eventBus() {
        if (api.get(ADAPTERS + "/events", OPERATOR, operatorPassword()).status() == 200) {
            return;
        }
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
    }

    private static Map<String, Object> ledgerConfig(String bucket) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bucket", bucket);
        config.put("region", "eu-west-1");
        config.put("accessKey", "secret:evidence-access-key");
        config.put("secretKey", "secret:evidence-secret-key");
        return config;
    }

    @Test
    void anInstalledAdapterIsReviewedThroughTheTenantsEventBus() throws InterruptedException {
        eventBus();
        CountDownLatch reviewed = AdapterReviews.reviewOf(camel, "reviewed-ledger");
        Answer installed = api.postJson(
                ADAPTERS + "/reviewed-ledger",
                OPERATOR,
                operatorPassword(),
                Map.of(
                        "definition",
                        "s3-storage",
                        "region",
                        "eu-west-1",
                        "config",
                        ledgerConfig("atlas-reviewed-ledger")));

        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        assertThat(reviewed.await(60, TimeUnit.SECONDS))
                .as("direct:adapter-review ran for the installed instance")
                .isTrue();
    }

    /**
     * A change applied by approving a change request publishes what the direct API call would: the install is
     * reviewed by the worker, the uninstall reaches a subscriber of {@code conductor.adapter.uninstalled}.
     */
    @Test
    void changesAppliedOnApprovalPublishTheSameEvents() throws Exception {
        eventBus();
        List<String> uninstalled = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("eventbus:subscribe?instance=events&tenant=atlas&environment=dev"
                                + "&topic=conductor.adapter.uninstalled&group=approval-test")
                        .routeId("approval-test-uninstalled")
                        .process(exchange ->
                                uninstalled.add(exchange.getMessage().getBody(String.class)));
            }
        });
        CountDownLatch reviewed = AdapterReviews.reviewOf(camel, "approved-ledger");

        Answer asked = api.postJson(
                "/api/tenants/atlas/change-requests",
                ALICE,
                TEAM_PASSWORD,
                Map.of(
                        "environment", "dev",
                        "instance", "approved-ledger",
                        "operation", "install",
                        "definition", "s3-storage",
                        "region", "eu-west-1",
                        "config", ledgerConfig("atlas-approved-ledger")));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(reviewed.await(3, TimeUnit.SECONDS))
                .as("nothing is installed before approval")
                .isFalse();
        Answer approved = api.postJson(
                "/api/tenants/atlas/change-requests/"
                        + asked.json().path("changeRequest").path("id").asText() + "/approve",
                BOB,
                TEAM_PASSWORD,
                Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(reviewed.await(60, TimeUnit.SECONDS))
                .as("direct:adapter-review ran for the instance installed on approval")
                .isTrue();

        Answer removal = api.postJson(
                "/api/tenants/atlas/change-requests",
                ALICE,
                TEAM_PASSWORD,
                Map.of("environment", "dev", "instance", "approved-ledger", "operation", "uninstall"));
        assertThat(removal.status()).as(removal.body()).isEqualTo(202);
        String removalId = removal.json().path("changeRequest").path("id").asText();
        assertThat(api.postJson(
                                "/api/tenants/atlas/change-requests/" + removalId + "/approve",
                                BOB,
                                TEAM_PASSWORD,
                                Map.of())
                        .status())
                .isEqualTo(200);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (uninstalled.stream().noneMatch(body -> body.contains("approved-ledger"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(uninstalled)
                .as("conductor.adapter.uninstalled for the instance uninstalled on approval")
                .anyMatch(body -> body.contains("\"instance\":\"approved-ledger\"")
                        && body.contains("\"definition\":\"s3-storage\""));
        camel.getRouteController().stopRoute("approval-test-uninstalled");
        camel.removeRoute("approval-test-uninstalled");
    }
}
