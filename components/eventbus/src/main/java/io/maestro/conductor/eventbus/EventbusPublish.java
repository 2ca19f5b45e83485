package io.maestro.conductor.eventbus;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.camel.Invocation;
import io.maestro.conductor.adapter.camel.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code eventbus:publish}: the body (text, e.g. JSON) to the topic in the tenant's namespace, with an event id
 * (kept when the route gave one) that consumers use to process each event once.
 */
final class EventbusPublish implements Operation<EventBackend> {

    private final EventbusEndpoint endpoint;

    EventbusPublish(EventbusEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void invoke(Exchange exchange, EventBackend backend, Invocation call) {
        Message message = exchange.getMessage();
        String topic = TopicNamespace.requireTopic(
                message.getHeader(EventbusConstants.TOPIC, endpoint.getTopic(), String.class), call.instanceId());
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
            message.setHeader(EventbusConstants.EVENT_ID, UUID.randomUUID().toString());
        }
        EventbusMetrics metrics = endpoint.getComponent().eventMetrics();
        long started = System.nanoTime();
        try {
            String destination =
                    backend.destination(new TopicNamespace(call.instance().ref()), topic);
            backend.publish(destination, body, EventHeaders.carried(message));
        } catch (AdapterException e) {
            metrics.failed(call.instance().ref(), topic, "publish", e.code().name());
            throw e;
        }
        metrics.published(call.instance().ref(), topic, Duration.ofNanos(System.nanoTime() - started));
        message.setHeader(EventbusConstants.TOPIC, topic);
    }
}
