package io.maestro.conductor.eventbus;

import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.AdapterContractTest;
import io.maestro.conductor.sandbox.eventbus.KafkaSandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The SPI's contract checks on the event bus over a real Kafka broker. Each test publishes to a topic of its own;
 * the refusing instance authenticates (SASL, its password a secret) against a listener that speaks no SASL, so
 * its publishes fail as the broker being unreachable: an instance fault.
 */
class EventbusContractTest extends AdapterContractTest {

    private static final String PASSWORD = "kafka-sasl-password-4711";
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static KafkaSandbox kafka;

    private final String topic = "contract-" + TOPICS.incrementAndGet();

    @BeforeAll
    static void startKafka() {
        kafka = KafkaSandbox.startTransient();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Override
    protected AdapterComponent<?> newComponent() {
        return new EventbusComponent();
    }

    @Override
    protected ResolvedInstance workingInstance(String name) {
        return Instances.kafka(TENANT, ENVIRONMENT, name, kafka.brokers());
    }

    @Override
    protected ResolvedInstance refusingInstance(String name) {
        secrets.put(TENANT, ENVIRONMENT, "kafka-password", PASSWORD);
        return Instances.kafka(
                TENANT,
                ENVIRONMENT,
                name,
                Map.of(
                        EventbusDefinitions.BROKERS, kafka.brokers(),
                        EventbusDefinitions.SECURITY_PROTOCOL, "SASL_PLAINTEXT",
                        EventbusDefinitions.USERNAME, "conductor",
                        EventbusDefinitions.PASSWORD, "secret:kafka-password",
                        EventbusDefinitions.TIMEOUT_MS, "1000"));
    }

    @Override
    protected String writeOperation() {
        return "publish";
    }

    @Override
    protected Map<String, Object> writeHeaders() {
        return Map.of(EventbusConstants.TOPIC, topic);
    }

    @Override
    protected Object writeBody() {
        return "{\"event\":\"contract\"}";
    }

    @Override
    protected boolean backendWritten(ResolvedInstance instance) throws Exception {
        String physical = instance.ref().tenant() + "." + instance.ref().environment() + "." + topic;
        return RawKafka.topics(kafka.brokers()).contains(physical)
                && !RawKafka.read(kafka.brokers(), physical, 1, Duration.ofSeconds(10))
                        .isEmpty();
    }

    @Override
    protected List<String> secretValues() {
        return List.of(PASSWORD);
    }
}
