package io.maestro.conductor.eventbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.sandbox.eventbus.ElasticMqSandbox;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The event bus on SQS (ElasticMQ over HTTP): queues in the tenant's namespace with a redrive policy to its
 * dead-letter queue, events with their headers, a failing event dead-lettered with its error while the
 * subscription goes on, an event never acknowledged moved by the redrive policy, and the lag as SQS counts it.
 */
@Tag("slow")
class SqsEventbusTest {

    private static ElasticMqSandbox elasticMq;
    private static SqsClient raw;
    private EventbusHarness bus;

    @BeforeAll
    static void startSqs() {
        elasticMq = ElasticMqSandbox.startTransient();
        raw = SqsClient.builder()
                .endpointOverride(URI.create(elasticMq.endpoint()))
                .region(Region.of(ElasticMqSandbox.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ElasticMqSandbox.ACCESS_KEY, ElasticMqSandbox.SECRET_KEY)))
                .build();
    }

    @AfterAll
    static void stopSqs() {
        raw.close();
        elasticMq.close();
    }

    @BeforeEach
    void startBus() {
        bus = new EventbusHarness();
        bus.secrets
                .put("acme", "prod", "sqs-access", ElasticMqSandbox.ACCESS_KEY)
                .put("acme", "prod", "sqs-secret", ElasticMqSandbox.SECRET_KEY);
        bus.instances.put(Instances.sqs("acme", "prod", "queues", elasticMq));
        bus.start();
    }

    @AfterEach
    void stopBus() {
        bus.close();
    }

    private void subscribe(String topic, String to) throws Exception {
        bus.camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("eventbus:subscribe?instance=queues&environment=prod&tenant=acme&lagInterval=200&topic=" + topic)
                        .process(exchange -> {
                            if (exchange.getMessage().getBody(String.class).contains("poison")) {
                                throw new IllegalStateException("cannot digest it");
                            }
                        })
                        .to(to);
            }
        });
    }

    private Exchange publish(String topic, String body, Map<String, Object> headers) {
        return bus.publish("acme", "eventbus:publish?instance=queues&topic=" + topic, body, headers);
    }

    @Test
    void eventsGoThroughTheTenantsQueueWhichRedrivesToItsDeadLetters() throws Exception {
        MockEndpoint received = bus.camel.getEndpoint("mock:invoices", MockEndpoint.class);
        received.expectedBodiesReceived("{\"invoice\":1}");
        subscribe("invoices.paid", "mock:invoices");

        Exchange sent = publish("invoices.paid", "{\"invoice\":1}", Map.of(AdapterHeaders.CORRELATION_ID, "corr-7"));

        assertThat(sent.getException()).isNull();
        received.assertIsSatisfied(30_000);
        assertThat(received.getExchanges().get(0).getMessage().getHeaders())
                .containsEntry(AdapterHeaders.TENANT, "acme")
                .containsEntry(AdapterHeaders.CORRELATION_ID, "corr-7")
                .containsEntry(EventbusConstants.TOPIC, "invoices.paid")
                .containsEntry(EventbusConstants.EVENT_ID, sent.getMessage().getHeader(EventbusConstants.EVENT_ID));
        String url = raw.getQueueUrl(request -> request.queueName("acme_prod_invoices_paid"))
                .queueUrl();
        String redrive = raw.getQueueAttributes(
                        request -> request.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes()
                .get(QueueAttributeName.REDRIVE_POLICY);
        assertThat(redrive).contains("acme_prod__dead-letters").contains("\"maxReceiveCount\"");
    }

    @Test
    void aPoisonEventIsDeadLetteredWithItsErrorAndTheSubscriptionGoesOn() throws Exception {
        MockEndpoint received = bus.camel.getEndpoint("mock:ledger", MockEndpoint.class);
        received.expectedBodiesReceivedInAnyOrder("{\"n\":1}", "{\"n\":3}");
        subscribe("ledger", "mock:ledger");

        publish("ledger", "{\"n\":1}", Map.of());
        publish("ledger", "{\"poison\":2}", Map.of(AdapterHeaders.CORRELATION_ID, "corr-poison"));
        publish("ledger", "{\"n\":3}", Map.of());

        received.assertIsSatisfied(30_000);
        Message letter = receiveOne("acme_prod__dead-letters");
        assertThat(letter.body()).isEqualTo("{\"poison\":2}");
        Map<String, MessageAttributeValue> attributes = letter.messageAttributes();
        assertThat(attributes.get(EventbusConstants.DEAD_LETTER_CODE).stringValue())
                .isEqualTo("ROUTE_FAILED");
        assertThat(attributes.get(EventbusConstants.DEAD_LETTER_ERROR).stringValue())
                .contains("IllegalStateException: cannot digest it");
        assertThat(attributes.get(EventbusConstants.DEAD_LETTER_TOPIC).stringValue())
                .isEqualTo("ledger");
        assertThat(attributes.get(AdapterHeaders.CORRELATION_ID).stringValue()).isEqualTo("corr-poison");
        assertThat(bus.counter(EventbusMetrics.DEAD_LETTERED, "topic", "ledger"))
                .isEqualTo(1.0);
    }

    @Test
    void anEventNeverAcknowledgedIsMovedByTheRedrivePolicy() {
        publish("stuck", "{\"stuck\":true}", Map.of());
        String url =
                raw.getQueueUrl(request -> request.queueName("acme_prod_stuck")).queueUrl();
        // Received maxReceiveCount (2) times and never deleted, as by a consumer that died mid-route.
        for (int i = 0; i < 2; i++) {
            assertThat(raw.receiveMessage(request ->
                                    request.queueUrl(url).visibilityTimeout(1).waitTimeSeconds(5))
                            .messages())
                    .hasSize(1);
            sleep(1_100);
        }
        assertThat(raw.receiveMessage(request -> request.queueUrl(url).waitTimeSeconds(1))
                        .messages())
                .isEmpty();
        assertThat(receiveOne("acme_prod__dead-letters").body()).isEqualTo("{\"stuck\":true}");
    }

    @Test
    void theLagIsTheQueuesVisibleMessagesAndOversizedEventsAreRefused() throws Exception {
        for (int i = 0; i < 3; i++) {
            publish("backlog", "{\"n\":" + i + "}", Map.of());
        }
        EventBackend backend = bus.component.delegateFor(bus.instances.resolve(
                new io.maestro.conductor.adapter.instance.InstanceRef("acme", "prod", "queues"),
                EventbusComponent.CATEGORY));
        assertThat(backend.waiting("acme_prod_backlog", null)).isEqualTo(3);

        Exchange tooLarge = publish("backlog", "x".repeat(262_145), Map.of());
        assertThat(((AdapterException) tooLarge.getException()).code())
                .isEqualTo(EventbusErrorCode.EVENTBUS_MESSAGE_TOO_LARGE);
        assertThat(backend.waiting("acme_prod_backlog", null)).isEqualTo(3);
    }

    private Message receiveOne(String queue) {
        String url = raw.getQueueUrl(request -> request.queueName(queue)).queueUrl();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Message> messages = raw.receiveMessage(request ->
                            request.queueUrl(url).messageAttributeNames("All").waitTimeSeconds(1))
                    .messages();
            if (!messages.isEmpty()) {
                return messages.get(0);
            }
        }
        throw new AssertionError("nothing arrived in " + queue);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
