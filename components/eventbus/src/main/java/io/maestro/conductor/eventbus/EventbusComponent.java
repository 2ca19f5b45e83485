package io.maestro.conductor.eventbus;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.eventbus.kafka.KafkaEventBackend;
import io.maestro.conductor.eventbus.sqs.SqsEventBackend;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code eventbus:} component: events per tenant over Kafka and SQS. Which broker, credentials and namespace a
 * call uses comes from the adapter instance the exchange's tenant (a consumer: the endpoint's tenant) addresses.
 */
@Component(EventbusComponent.SCHEME)
public class EventbusComponent extends AdapterComponent<EventBackend> {

    /** The registry's category id (governance action {@code event-bus.publish}, policy key {@code event-bus}). */
    public static final String CATEGORY = "event-bus";
    /** The URI scheme routes use. */
    public static final String SCHEME = "eventbus";
    /** Backends are named by the registry's adapter definitions. */
    public static final String BACKEND_KAFKA = "kafka-eventbus";

    public static final String BACKEND_SQS = "sqs-eventbus";

    private EventbusMetrics eventMetrics;

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    protected EventbusEndpoint newEndpoint(String uri) {
        return new EventbusEndpoint(uri, this);
    }

    @Override
    protected EventBackend createDelegate(ResolvedInstance instance, InstanceSecrets secrets) throws Exception {
        if (BACKEND_KAFKA.equals(instance.backend())) {
            return KafkaEventBackend.start(
                    getCamelContext(), instance, EventbusDefinitions.KAFKA.parse(instance), secrets);
        }
        if (BACKEND_SQS.equals(instance.backend())) {
            return SqsEventBackend.start(getCamelContext(), instance, EventbusDefinitions.SQS.parse(instance), secrets);
        }
        throw new AdapterException(
                SpiErrorCode.CONFIG_INVALID,
                instance.ref().id(),
                "eventbus backend '" + instance.backend() + "' is not supported (" + BACKEND_KAFKA + ", " + BACKEND_SQS
                        + ")");
    }

    @Override
    protected void probe(EventBackend backend, ResolvedInstance instance) {
        backend.probe(new TopicNamespace(instance.ref()));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        eventMetrics = new EventbusMetrics(getMeterRegistry());
    }

    /** Meters per instance and topic, beside the SPI's per-operation ones. */
    public EventbusMetrics eventMetrics() {
        return eventMetrics;
    }
}
