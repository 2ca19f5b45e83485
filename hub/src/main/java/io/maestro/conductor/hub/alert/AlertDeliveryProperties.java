package io.maestro.conductor.hub.alert;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where alert transitions go besides the log, the gauge and {@code GET /api/alerts} ({@code conductor.alerts.delivery.*},
 * route {@code alert-delivery}).
 *
 * @param notifyInstance    the notify instance, in the alert's tenant and environment, that receives every transition
 *                          (e-mail or signed webhook); a tenant without one gets none
 * @param ticketingInstance the ticketing instance, in the alert's tenant and environment, that gets a ticket when an
 *                          alert of {@code ticketSeverity} fires (its external key is the alert id) and closes it
 *                          when the alert resolves
 * @param ticketSeverity    the severity that opens tickets: {@code critical} (the DOWN rules) or {@code warning}
 *                          (every alert)
 * @param hubNotify         the platform's notify instance ({@code tenant/environment/instance}) that receives every
 *                          tenant's transitions as well; unset: none
 * @param hubTicketing      the platform's ticketing instance ({@code tenant/environment/instance}) that gets every
 *                          tenant's tickets as well; unset: none
 */
@ConfigurationProperties("conductor.alerts.delivery")
public record AlertDeliveryProperties(
        @DefaultValue("alerts") String notifyInstance,
        @DefaultValue("tickets") String ticketingInstance,
        @DefaultValue("critical") String ticketSeverity,
        String hubNotify,
        String hubTicketing) {

    public AlertDeliveryProperties {
        if (!"warning".equals(ticketSeverity) && !"critical".equals(ticketSeverity)) {
            throw new IllegalArgumentException("conductor.alerts.delivery.ticket-severity must be warning or critical");
        }
        for (String target : new String[] {hubNotify, hubTicketing}) {
            if (target != null && !target.isBlank() && target.split("/", -1).length != 3) {
                throw new IllegalArgumentException(
                        "conductor.alerts.delivery.hub-notify and hub-ticketing are tenant/environment/instance");
            }
        }
    }

    /** Whether an alert of {@code severity} opens a ticket. */
    public boolean tickets(String severity) {
        return "warning".equals(ticketSeverity) || "critical".equals(severity);
    }

    static Optional<String[]> target(String spec) {
        return spec == null || spec.isBlank() ? Optional.empty() : Optional.of(spec.split("/", -1));
    }
}
