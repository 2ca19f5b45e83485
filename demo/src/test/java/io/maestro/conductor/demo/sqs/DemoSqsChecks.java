package io.maestro.conductor.demo.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.demo.DemoHub;
import io.maestro.conductor.eventbus.EventbusComponent;
import io.maestro.conductor.eventbus.EventbusConstants;
import io.maestro.conductor.eventbus.EventbusDefinitions;
import io.maestro.conductor.hub.events.ConductorEvent;
import io.maestro.conductor.hub.support.AdapterReviews;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterInstance;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The embedded default's SQS event bus: atlas/prod has its {@code events} instance on the demo ElasticMQ, its
 * adapter-review worker runs, and an event published on that instance goes over the SQS API to the peer's queue,
 * is consumed by the worker and runs {@code direct:adapter-review}.
 */
public abstract class DemoSqsChecks {

    /** The queue of {@code conductor.adapter.installed} in atlas/prod's namespace at the peer. */
    private static final String QUEUE = "atlas_prod_conductor_adapter_installed";

    @Autowired
    DemoSqsPeer peer;

    @Autowired
    Registry registry;

    @Autowired
    CamelContext camel;

    @Test
    void anEventPublishedOnTheDemoQueueIsConsumedAndRunsItsWorkflow() throws Exception {
        AdapterInstance bus = registry.requireInstance("atlas", "prod", "events");
        assertThat(bus.category()).isEqualTo(AdapterCategory.EVENT_BUS);
        assertThat(bus.definitionName()).isEqualTo(EventbusComponent.BACKEND_SQS);
        assertThat(bus.config().path(EventbusDefinitions.ENDPOINT).asText()).isEqualTo(peer.endpoint());
        assertThat(Files.readString(DemoHub.DATA_DIR.resolve(DemoSqsPeer.PORT_FILE)))
                .isEqualTo(Integer.toString(URI.create(peer.endpoint()).getPort()));
        assertThat(bus.config().toString())
                .as("credentials only by reference")
                .doesNotContain(peer.accessKey())
                .doesNotContain(peer.secretKey());
        assertThat(camel.getRoute("adapter-review-worker-atlas-prod")).isNotNull();

        CountDownLatch reviewed = AdapterReviews.reviewOf(camel, "demo-sqs-probe");
        Exchange sent = camel.createProducerTemplate()
                .request("eventbus:publish?instance=events&topic=conductor." + ConductorEvent.ADAPTER_INSTALLED, e -> {
                    e.getMessage().setHeader(AdapterHeaders.TENANT, "atlas");
                    e.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, "prod");
                    e.getMessage().setHeader(AdapterHeaders.ACTOR, "demo-sqs-test");
                    e.getMessage()
                            .setHeader(
                                    EventbusConstants.EVENT_ID,
                                    UUID.randomUUID().toString());
                    e.getMessage()
                            .setBody("{\"instance\":\"demo-sqs-probe\",\"definition\":\"s3-storage\","
                                    + "\"version\":\"1.0.0\",\"category\":\"storage\"}");
                });
        assertThat(sent.getException()).isNull();

        assertThat(reviewed.await(60, TimeUnit.SECONDS))
                .as("the event went through the demo ElasticMQ to direct:adapter-review")
                .isTrue();
        try (SqsClient client = SqsClient.builder()
                .endpointOverride(URI.create(peer.endpoint()))
                .region(Region.of(peer.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(peer.accessKey(), peer.secretKey())))
                .build()) {
            // The queue is the peer's, reached over the SQS API; nothing is left waiting on it.
            String url = client.getQueueUrl(request -> request.queueName(QUEUE)).queueUrl();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(client.getQueueAttributes(request -> request.queueUrl(url)
                                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                                    .attributes())
                            .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
        }
    }
}
