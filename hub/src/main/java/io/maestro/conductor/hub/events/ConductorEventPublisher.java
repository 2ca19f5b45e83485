package io.maestro.conductor.hub.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.eventbus.EventbusConstants;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes each {@link ConductorEvent} through {@code eventbus:publish} to the tenant's event-bus instance, when the
 * tenant+environment has one; governed like any adapter call. The work the event reports is done already, so a
 * publish that fails is logged with its code and counted by the adapter's meters, never undone or rethrown.
 */
@Component
public class ConductorEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ConductorEventPublisher.class);

    private final ProducerTemplate template;
    private final EventBuses buses;
    private final ObjectMapper json;

    public ConductorEventPublisher(ProducerTemplate template, EventBuses buses, ObjectMapper json) {
        this.template = template;
        this.buses = buses;
        this.json = json;
    }

    @EventListener
    public void publish(ConductorEvent event) {
        buses.of(event.tenant(), event.environment()).ifPresent(bus -> send(bus, event));
    }

    private void send(EventBuses.Bus bus, ConductorEvent event) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(AdapterHeaders.TENANT, event.tenant());
        headers.put(AdapterHeaders.ENVIRONMENT, event.environment());
        headers.put(AdapterHeaders.ACTOR, event.actor());
        headers.put(EventbusConstants.EVENT_ID, UUID.randomUUID().toString());
        String body;
        try {
            body = json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
        Exchange sent = template.request(
                "eventbus:publish?instance=" + bus.instance() + "&topic=" + event.topic(), exchange -> {
                    exchange.getMessage().setHeaders(headers);
                    exchange.getMessage().setBody(body);
                });
        if (sent.getException() != null) {
            LOG.atWarn()
                    .addKeyValue(
                            "code",
                            sent.getException() instanceof AdapterException adapter
                                    ? adapter.code().name()
                                    : sent.getException().getClass().getSimpleName())
                    .log(
                            "conductor event {} of {}/{} was not published",
                            event.type(),
                            event.tenant(),
                            event.environment());
        }
    }
}
