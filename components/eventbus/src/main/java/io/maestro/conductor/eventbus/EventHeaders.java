package io.maestro.conductor.eventbus;

import io.maestro.conductor.adapter.AdapterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Message;

/**
 * The headers an event carries to its consumers: a fixed list, so no header a route happens to hold (a broker
 * client's own, such as {@code kafka.OVERRIDE_TOPIC}) can steer the broker, and so SQS's limit of 10 message
 * attributes always holds. Tenant, environment, instance and decision id are not carried: the consumer sets them
 * from its own instance.
 */
final class EventHeaders {

    static final List<String> CARRIED = List.of(
            EventbusConstants.EVENT_ID,
            AdapterHeaders.CORRELATION_ID,
            AdapterHeaders.ACTOR,
            AdapterHeaders.DATA_REGION,
            AdapterHeaders.DATA_CLASSIFICATION,
            EventbusConstants.DEAD_LETTER_CODE,
            EventbusConstants.DEAD_LETTER_ERROR,
            EventbusConstants.DEAD_LETTER_TOPIC,
            EventbusConstants.DEAD_LETTER_AT);

    private EventHeaders() {}

    /** Kafka hands record headers back as bytes; the carried ones are text (UTF-8) again for the route. */
    static void decode(Message message) {
        for (String name : CARRIED) {
            if (message.getHeader(name) instanceof byte[] bytes) {
                message.setHeader(name, new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    static Map<String, String> carried(Message message) {
        Map<String, String> carried = new LinkedHashMap<>();
        for (String name : CARRIED) {
            String value = message.getHeader(name, String.class);
            if (value != null) {
                carried.put(name, value);
            }
        }
        return carried;
    }
}
