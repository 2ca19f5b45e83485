package io.maestro.conductor.hub.alert;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Route {@code alert-delivery}: consumes {@value AdapterAlertRoute#ALERT_HOOK}, where {@code adapter-alerts} hands
 * every transition, and delivers it through notify: and ticketing: ({@link AlertDelivery}).
 */
@Component
public class AlertDeliveryRoute extends RouteBuilder {

    private final AlertDelivery delivery;

    public AlertDeliveryRoute(AlertDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        ProducerTemplate producer = getContext().createProducerTemplate();
        from(AdapterAlertRoute.ALERT_HOOK)
                .routeId("alert-delivery")
                .process(exchange ->
                        delivery.deliver(exchange.getMessage().getMandatoryBody(AdapterAlert.class), producer));
    }
}
