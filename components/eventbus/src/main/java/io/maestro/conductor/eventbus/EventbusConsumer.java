package io.maestro.conductor.eventbus;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.Masking;
import io.maestro.conductor.adapter.camel.AdapterConsumer;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from: eventbus:subscribe?instance=…&tenant=…&environment=…&topic=…}: receives the topic of the tenant's
 * namespace through the backend's own consumer. An event whose route failed (or that governance refused) goes to
 * the namespace's dead-letter topic with its error and Conductor headers, and is then acknowledged, so the
 * subscription goes on; if even the dead-letter send fails, the event is not acknowledged and the broker delivers
 * it again. Every {@code lagInterval} ms the subscription's lag is read from the broker, which also tells the
 * instance's health whether the broker answers.
 */
final class EventbusConsumer extends AdapterConsumer<EventBackend> {

    private static final Logger LOG = LoggerFactory.getLogger(EventbusConsumer.class);
    private static final int MAX_ERROR_CHARS = 500;

    private final EventbusEndpoint endpoint;
    private EventBackend backend;
    private Consumer brokerConsumer;
    private String destination;
    private String group;
    private String deadLetters;
    private volatile long lag = -1;
    private ScheduledExecutorService lagReader;

    EventbusConsumer(EventbusEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected Consumer createDelegateConsumer(EventBackend backend, ResolvedInstance instance, Processor onMessage)
            throws Exception {
        TopicNamespace namespace = new TopicNamespace(instance.ref());
        String topic = endpoint.getTopic();
        this.backend = backend;
        this.destination = backend.destination(namespace, topic);
        this.group = backend.group(namespace, endpoint.getGroup() != null ? endpoint.getGroup() : topic);
        this.deadLetters = backend.deadLetters(namespace);
        endpoint.getComponent().eventMetrics().lag(instance.ref(), topic, () -> lag);
        brokerConsumer = backend.subscribe(destination, group, received -> receive(received, onMessage));
        return brokerConsumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (endpoint.getLagInterval() > 0) {
            lagReader = getEndpoint()
                    .getCamelContext()
                    .getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "eventbus-lag-" + endpoint.getTopic());
            lagReader.scheduleWithFixedDelay(
                    this::readLag, endpoint.getLagInterval(), endpoint.getLagInterval(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (lagReader != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(lagReader);
            lagReader = null;
        }
        super.doStop();
    }

    @Override
    protected long lag() {
        return lag;
    }

    /** Reads the lag and reports the broker's answer (or silence, or camel-kafka's own consumer state) as health. */
    void readLag() {
        String instanceId = instance().ref().id();
        try {
            long waiting = backend.waiting(destination, group);
            String problem = backend.consumerProblem(brokerConsumer);
            lag = waiting;
            if (problem == null) {
                endpoint.getComponent().health().success(instanceId);
            } else {
                endpoint.getComponent().health().failure(instanceId, EventbusErrorCode.EVENTBUS_UNREACHABLE);
            }
        } catch (AdapterException e) {
            lag = -1;
            endpoint.getComponent().health().failure(instanceId, e.code());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again.
            lag = -1;
            LOG.warn(
                    "Reading the lag of {} failed: {}", instanceId, e.getClass().getSimpleName());
        }
    }

    private void receive(Exchange received, Processor onMessage) throws Exception {
        InstanceRef ref = instance().ref();
        String topic = endpoint.getTopic();
        EventHeaders.decode(received.getMessage());
        received.getMessage().setHeader(EventbusConstants.TOPIC, topic);
        EventbusMetrics metrics = endpoint.getComponent().eventMetrics();
        metrics.consumed(ref, topic);
        onMessage.process(received);
        Exception failure = received.getException();
        if (failure == null) {
            return;
        }
        String code =
                failure instanceof AdapterException adapter ? adapter.code().name() : "ROUTE_FAILED";
        metrics.failed(ref, topic, "consume", code);
        try {
            backend.publish(
                    deadLetters,
                    received.getMessage().getBody(String.class),
                    deadLetterHeaders(received, failure, code));
            metrics.deadLettered(ref, topic);
            received.setException(null);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Dead-lettering an event of {} on {} failed ({}); it stays at the broker to be delivered again",
                    ref.id(),
                    topic,
                    e instanceof AdapterException adapter
                            ? adapter.code().name()
                            : e.getClass().getSimpleName());
        }
    }

    private Map<String, String> deadLetterHeaders(Exchange received, Exception failure, String code) {
        Message message = received.getMessage();
        Map<String, String> headers = EventHeaders.carried(message);
        String error = Masking.maskText(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        headers.put(EventbusConstants.DEAD_LETTER_CODE, code);
        headers.put(
                EventbusConstants.DEAD_LETTER_ERROR,
                error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) : error);
        headers.put(EventbusConstants.DEAD_LETTER_TOPIC, endpoint.getTopic());
        headers.put(EventbusConstants.DEAD_LETTER_AT, Instant.now().toString());
        return headers;
    }
}
