package io.maestro.conductor.eventbus;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.camel.Invocation;
import io.maestro.conductor.adapter.camel.Operation;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.policy.pdp.RandomIds;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code eventbus:publish}: the body (text, e.g. JSON) to the topic in the tenant's namespace, with an event id
 * (kept when the route gave one) that consumers use to process each event once.
 */
final class EventbusPublish implements Operation<EventBackend> {

    /**
     * What the last call resolved: its namespace's destination for the topic and the topic's meters. Reused while
     * calls name the same instance reference, delegate
     * and topic, so a route publishing to one topic checks the topic and its namespace once, not per event. Any
     * other call resolves, and checks, again.
     */
    private record Target(
            InstanceRef ref,
            EventBackend backend,
            String topic,
            String destination,
            EventbusMetrics.PublishMeters meters) {}

    private final EventbusEndpoint endpoint;
    private volatile Target last;

    EventbusPublish(EventbusEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void invoke(Exchange exchange, EventBackend backend, Invocation call) {
        Message message = exchange.getMessage();
        String named = message.getHeader(EventbusConstants.TOPIC, endpoint.getTopic(), String.class);
        InstanceRef ref = call.instance().ref();
        Target target = last;
        if (target == null
                || target.backend() != backend
                || !target.ref().equals(ref)
                || !target.topic().equals(named)) {
            target = null;
            TopicNamespace.requireTopic(named, call.instanceId());
        }
        String body = message.getBody(String.class);
        if (body == null) {
            throw new AdapterException(SpiErrorCode.REQUEST_INVALID, call.instanceId(), "publish needs a body");
        }
        // A UTF-8 character is at most 3 bytes per UTF-16 unit: only a body that could be too large is encoded.
        if (body.length() * 3L > backend.maxMessageBytes()
                && body.getBytes(StandardCharsets.UTF_8).length > backend.maxMessageBytes()) {
            throw new AdapterException(
                    EventbusErrorCode.EVENTBUS_MESSAGE_TOO_LARGE,
                    call.instanceId(),
                    "the body is larger than the instance's maxMessageBytes (" + backend.maxMessageBytes() + ")");
        }
        if (message.getHeader(EventbusConstants.EVENT_ID) == null) {
            // unique, not secret: the calling thread's generator, not the shared SecureRandom
            message.setHeader(EventbusConstants.EVENT_ID, RandomIds.uuid());
        }
        if (target == null) {
            target = resolve(ref, backend, named);
        }
        long started = System.nanoTime();
        try {
            backend.publish(target.destination(), body, EventHeaders.carried(message));
        } catch (AdapterException e) {
            endpoint.getComponent()
                    .eventMetrics()
                    .failed(ref, target.topic(), "publish", e.code().name());
            throw e;
        }
        target.meters().published(System.nanoTime() - started);
        message.setHeader(EventbusConstants.TOPIC, target.topic());
    }

    /** The topic's (checked) destination in the call's namespace and its meters; see {@link Target}. */
    private Target resolve(InstanceRef ref, EventBackend backend, String topic) {
        EventbusMetrics metrics = endpoint.getComponent().eventMetrics();
        String destination;
        try {
            // SQS creates the queue (and its dead-letter queue) here on first use: a failure is a failed publish
            destination = backend.destination(new TopicNamespace(ref), topic);
        } catch (AdapterException e) {
            metrics.failed(ref, topic, "publish", e.code().name());
            throw e;
        }
        Target resolved = new Target(ref, backend, topic, destination, metrics.publishMeters(ref, topic));
        last = resolved;
        return resolved;
    }
}
