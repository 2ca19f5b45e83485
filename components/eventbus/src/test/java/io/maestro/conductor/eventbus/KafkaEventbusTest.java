package io.maestro.conductor.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.sandbox.eventbus.KafkaSandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The event bus on a real Kafka broker: events reach subscriptions of the same tenant's namespace with their
 * headers, no route reaches outside its namespace, a failing event goes to the dead letters with its error while
 * the subscription goes on, and lag and meters are per topic.
 */
@Tag("slow")
class KafkaEventbusTest {

    private static KafkaSandbox kafka;
    private EventbusHarness bus;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void startKafka() {
        kafka = KafkaSandbox.startTransient();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @BeforeEach
    void startBus() {
        bus = new EventbusHarness();
        bus.instances.put(Instances.kafka("acme", "prod", "bus", kafka.brokers()));
        bus.instances.put(Instances.kafka("intruder", "prod", "bus", kafka.brokers()));
        bus.start();
    }

    @AfterEach
    void stopBus() {
        release.countDown();
        bus.close();
    }

    private void subscribe(String tenant, String topic, String to) throws Exception {
        bus.camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("eventbus:subscribe?instance=bus&environment=prod&lagInterval=200&tenant=" + tenant + "&topic="
                                + topic)
                        .routeId(tenant + "-" + topic)
                        .process(exchange -> {
                            String body = exchange.getMessage().getBody(String.class);
                            if (body.contains("poison")) {
                                throw new IllegalStateException("cannot digest " + body);
                            }
                            if (body.contains("hold")) {
                                release.await(20, TimeUnit.SECONDS);
                            }
                        })
                        .to(to);
            }
        });
    }

    @Test
    void eventsReachTheSubscriptionOfTheirNamespaceWithTheirHeaders() throws Exception {
        MockEndpoint received = bus.camel.getEndpoint("mock:orders", MockEndpoint.class);
        received.expectedBodiesReceived("{\"order\":1}");
        subscribe("acme", "orders.created", "mock:orders");

        Exchange sent = bus.publish(
                "acme",
                "eventbus:publish?instance=bus&topic=orders.created",
                "{\"order\":1}",
                Map.of(
                        AdapterHeaders.CORRELATION_ID,
                        "corr-1",
                        AdapterHeaders.DATA_CLASSIFICATION,
                        "internal",
                        "kafka.OVERRIDE_TOPIC",
                        "intruder.prod.orders.created"));

        assertThat(sent.getException()).isNull();
        received.assertIsSatisfied(30_000);
        Map<String, Object> headers =
                received.getExchanges().get(0).getMessage().getHeaders();
        assertThat(headers)
                .containsEntry(AdapterHeaders.TENANT, "acme")
                .containsEntry(AdapterHeaders.INSTANCE, "bus")
                .containsEntry(AdapterHeaders.CORRELATION_ID, "corr-1")
                .containsEntry(AdapterHeaders.DATA_CLASSIFICATION, "internal")
                .containsEntry(EventbusConstants.TOPIC, "orders.created")
                .containsEntry(EventbusConstants.EVENT_ID, sent.getMessage().getHeader(EventbusConstants.EVENT_ID));
        assertThat(RawKafka.topics(kafka.brokers()))
                .as("the adapter's namespace, not the route's header, picks the topic")
                .contains("acme.prod.orders.created")
                .doesNotContain("intruder.prod.orders.created");
        assertThat(bus.counter(EventbusMetrics.PUBLISHED, "tenant", "acme", "topic", "orders.created"))
                .isEqualTo(1.0);
        assertThat(bus.counter(EventbusMetrics.CONSUMED, "tenant", "acme", "topic", "orders.created"))
                .isEqualTo(1.0);
        assertThat(bus.meters.get(EventbusMetrics.PUBLISH_LATENCY).timer().count())
                .isEqualTo(1);
    }

    @Test
    void anotherTenantsSameTopicIsAnotherTopic() throws Exception {
        MockEndpoint acme = bus.camel.getEndpoint("mock:acme", MockEndpoint.class);
        acme.expectedBodiesReceived("{\"from\":\"acme\"}");
        subscribe("acme", "payments", "mock:acme");

        bus.publish("intruder", "eventbus:publish?instance=bus&topic=payments", "{\"from\":\"intruder\"}", Map.of());
        // A topic that spells out acme's namespace is still inside the publisher's own.
        bus.publish(
                "intruder",
                "eventbus:publish?instance=bus&topic=acme.prod.payments",
                "{\"from\":\"intruder\"}",
                Map.of());
        bus.publish("acme", "eventbus:publish?instance=bus&topic=payments", "{\"from\":\"acme\"}", Map.of());

        acme.assertIsSatisfied(30_000);
        Thread.sleep(500);
        assertThat(acme.getReceivedCounter()).isEqualTo(1);
        assertThat(RawKafka.topics(kafka.brokers()))
                .contains("intruder.prod.payments", "intruder.prod.acme.prod.payments", "acme.prod.payments");
    }

    @Test
    void hostileTopicNamesAreRefusedBeforeTheBroker() throws Exception {
        Set<String> before = RawKafka.topics(kafka.brokers());
        List<String> hostile = List.of(
                "",
                ".",
                "..",
                "a..b",
                ".hidden",
                "trailing.",
                "..%2f",
                "Orders",
                "orders.*",
                "orders.>",
                "#",
                "orders/../x",
                "a b",
                "orders\n",
                "_dead-letters",
                "a._dead-letters",
                "x%2e%2e",
                "a".repeat(121),
                "1starts-with-digit",
                "a.b.c.d.e.f.g.h.i");
        for (String topic : hostile) {
            Exchange refused = bus.publish(
                    "intruder", "eventbus:publish?instance=bus", "{}", Map.of(EventbusConstants.TOPIC, topic));
            assertThat(refused.getException())
                    .as("topic %s", topic)
                    .isInstanceOf(AdapterException.class)
                    .extracting(e -> ((AdapterException) e).code())
                    .isEqualTo(EventbusErrorCode.EVENTBUS_TOPIC_INVALID);
        }
        assertThat(RawKafka.topics(kafka.brokers())).isEqualTo(before);
        assertThatThrownBy(() -> subscribe("intruder", "acme.*", "mock:never"))
                .hasStackTraceContaining("EVENTBUS_TOPIC_INVALID");
        assertThatThrownBy(() -> bus.camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("eventbus:subscribe?instance=bus&environment=prod&tenant=intruder&topic=x&group=.."
                                        + "%2Facme")
                                .to("mock:never");
                    }
                }))
                .hasStackTraceContaining("EVENTBUS_TOPIC_INVALID");
    }

    @Test
    void aPoisonEventGoesToTheDeadLettersWithItsErrorAndTheSubscriptionGoesOn() throws Exception {
        MockEndpoint received = bus.camel.getEndpoint("mock:audit", MockEndpoint.class);
        received.expectedBodiesReceived("{\"n\":1}", "{\"n\":3}");
        subscribe("acme", "audit", "mock:audit");

        bus.publish("acme", "eventbus:publish?instance=bus&topic=audit", "{\"n\":1}", Map.of());
        Exchange poison = bus.publish(
                "acme",
                "eventbus:publish?instance=bus&topic=audit",
                "{\"poison\":2}",
                Map.of(AdapterHeaders.CORRELATION_ID, "corr-poison"));
        bus.publish("acme", "eventbus:publish?instance=bus&topic=audit", "{\"n\":3}", Map.of());

        received.assertIsSatisfied(30_000);
        List<ConsumerRecord<String, String>> dead =
                RawKafka.read(kafka.brokers(), "acme.prod._dead-letters", 1, Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, String> letter = dead.get(0);
        assertThat(letter.value()).isEqualTo("{\"poison\":2}");
        assertThat(RawKafka.header(letter, EventbusConstants.DEAD_LETTER_CODE)).isEqualTo("ROUTE_FAILED");
        assertThat(RawKafka.header(letter, EventbusConstants.DEAD_LETTER_ERROR))
                .contains("IllegalStateException")
                .contains("cannot digest");
        assertThat(RawKafka.header(letter, EventbusConstants.DEAD_LETTER_TOPIC)).isEqualTo("audit");
        assertThat(RawKafka.header(letter, AdapterHeaders.CORRELATION_ID)).isEqualTo("corr-poison");
        assertThat(RawKafka.header(letter, EventbusConstants.EVENT_ID))
                .isEqualTo(poison.getMessage().getHeader(EventbusConstants.EVENT_ID));
        assertThat(bus.counter(EventbusMetrics.DEAD_LETTERED, "topic", "audit")).isEqualTo(1.0);
        assertThat(bus.counter(EventbusMetrics.FAILED, "topic", "audit", "side", "consume", "code", "ROUTE_FAILED"))
                .isEqualTo(1.0);
    }

    @Test
    void theLagIsWhatTheGroupHasNotCommitted() throws Exception {
        MockEndpoint received = bus.camel.getEndpoint("mock:slow", MockEndpoint.class);
        received.expectedMessageCount(4);
        for (String body : List.of("{\"hold\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}")) {
            bus.publish("acme", "eventbus:publish?instance=bus&topic=slow", body, Map.of());
        }
        subscribe("acme", "slow", "mock:slow");

        var lag = bus.meters.find(EventbusMetrics.LAG).tags("topic", "slow").gauge();
        assertThat(lag).isNotNull();
        Waits.waitFor(() -> lag.value() == 4.0, 30, "lag 4 while the first event holds the route");

        release.countDown();
        received.assertIsSatisfied(30_000);
        Waits.waitFor(() -> lag.value() == 0.0, 30, "lag 0 once all are committed");
        assertThat(bus.component.health().instances().get("acme/prod/bus").up()).isTrue();
    }
}
