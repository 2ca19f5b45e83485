package io.maestro.conductor.hub.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.eventbus.EventbusConstants;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One worker route per tenant+environment with an event bus: it consumes {@code conductor.adapter.installed} and
 * runs the adapter-review workflow ({@code direct:adapter-review}) for the installed instance, once per event:
 * Camel's idempotent consumer on {@code ConductorEventId} with a SQL repository in the hub's database (table
 * {@code CAMEL_MESSAGEPROCESSED}), since the bus delivers at least once. Started for every bus at start-up and for a
 * bus installed later.
 */
@Component
public class AdapterReviewWorkers {

    static final String TOPIC = "conductor." + ConductorEvent.ADAPTER_INSTALLED;
    static final String REVIEW = "direct:adapter-review";

    private static final Logger LOG = LoggerFactory.getLogger(AdapterReviewWorkers.class);

    private final CamelContext camel;
    private final EventBuses buses;
    private final JdbcMessageIdRepository processed;
    private final ObjectMapper json;

    public AdapterReviewWorkers(
            CamelContext camel, EventBuses buses, JdbcMessageIdRepository processed, ObjectMapper json) {
        this.camel = camel;
        this.buses = buses;
        this.processed = processed;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startAll() {
        buses.all().forEach(this::start);
    }

    /** A bus installed while the hub runs gets its worker at once. */
    @EventListener
    public void onInstalled(ConductorEvent event) {
        if (ConductorEvent.ADAPTER_INSTALLED.equals(event.type())
                && buses.instanceName().equals(event.data().get("instance"))) {
            buses.of(event.tenant(), event.environment()).ifPresent(this::start);
        }
    }

    private void start(EventBuses.Bus bus) {
        String routeId = "adapter-review-worker-" + bus.tenant() + "-" + bus.environment();
        if (camel.getRoute(routeId) != null) {
            return;
        }
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("eventbus:subscribe?instance=" + bus.instance() + "&tenant=" + bus.tenant()
                                    + "&environment=" + bus.environment() + "&topic=" + TOPIC
                                    + "&group=adapter-review&bridgeErrorHandler=true")
                            .routeId(routeId)
                            .idempotentConsumer(header(EventbusConstants.EVENT_ID), processed)
                            .process(exchange -> {
                                Map<?, ?> installed =
                                        json.readValue(exchange.getMessage().getBody(String.class), Map.class);
                                exchange.getMessage().setHeader(AdapterHeaders.INSTANCE, installed.get("instance"));
                            })
                            .to(REVIEW);
                }
            });
        } catch (Exception e) {
            LOG.warn(
                    "The adapter-review worker of {}/{} did not start: {}",
                    bus.tenant(),
                    bus.environment(),
                    e.getClass().getSimpleName());
        }
    }
}
