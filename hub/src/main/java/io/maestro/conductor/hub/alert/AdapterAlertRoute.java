package io.maestro.conductor.hub.alert;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Route {@code adapter-alerts}: evaluates the alert rules over the cluster's health view every
 * {@code conductor.alerts.interval}. Meant to run on one hub at a time (a route policy makes it a singleton when
 * hubs scale out; the firing alerts live in the cluster, so a new leader carries on without firing twice). Every
 * transition goes to {@value #ALERT_HOOK}, where route alert-delivery sends it on (notify:, ticketing:): body the {@link AdapterAlert},
 * headers {@code ConductorAlertState} (FIRING/RESOLVED), {@code ConductorAlertSeverity}, {@code ConductorTenant}.
 * Without a consumer there, transitions reach only the log, the gauge and {@code GET /api/alerts}.
 */
@Component
public class AdapterAlertRoute extends RouteBuilder {

    public static final String ALERT_HOOK = "direct:conductor-alerts";

    private final AlertEvaluator alerts;
    private final AlertProperties alerting;

    public AdapterAlertRoute(AlertEvaluator alerts, AlertProperties alerting) {
        this.alerts = alerts;
        this.alerting = alerting;
    }

    @Override
    public void configure() {
        long every = alerting.interval().toMillis();
        from("timer:adapter-alerts?delay=" + every + "&period=" + every)
                .routeId("adapter-alerts")
                .process(exchange -> exchange.getMessage().setBody(alerts.evaluate()))
                .split(body())
                .process(exchange -> {
                    AdapterAlert alert = exchange.getMessage().getBody(AdapterAlert.class);
                    exchange.getMessage()
                            .setHeader("ConductorAlertState", alert.state().name());
                    exchange.getMessage().setHeader("ConductorAlertSeverity", alert.severity());
                    exchange.getMessage().setHeader("ConductorTenant", alert.tenant());
                })
                .to(ALERT_HOOK + "?failIfNoConsumers=false");
    }
}
