package io.maestro.conductor.hub.alert;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.InstanceResolver;
import io.maestro.conductor.notify.NotifyComponent;
import io.maestro.conductor.notify.NotifyConstants;
import io.maestro.conductor.ticketing.TicketingComponent;
import io.maestro.conductor.ticketing.TicketingConstants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one alert transition to the adapters that deliver it: {@code notify:send} (event {@code adapter.alert.fired}
 * or {@code adapter.alert.resolved}) to the tenant's notify instance and the platform's, and for ticketed severities
 * {@code ticketing:create} on FIRING / {@code ticketing:close} on RESOLVED with the alert id as external key, so a
 * repeated transition (a retry, a second hub) never opens a second ticket. Each target is tried on its own: one that
 * is not installed is skipped, one that fails is logged ({@code event=alert_delivery_failed}, its code) and does not
 * stop the others or the evaluation. Calls go through the governance gate as actor {@value #ACTOR}, data
 * {@code internal}; they carry the alert's fields only (no payload, secret or config).
 */
public final class AlertDelivery {

    public static final String ACTOR = "conductor-alerts";
    public static final String FIRED = "adapter.alert.fired";
    public static final String RESOLVED = "adapter.alert.resolved";
    private static final int MAX_SUBJECT = 140;
    private static final Logger LOG = LoggerFactory.getLogger("conductor.alerts");

    private final AlertDeliveryProperties properties;
    private final InstanceResolver instances;

    public AlertDelivery(AlertDeliveryProperties properties, InstanceResolver instances) {
        this.properties = properties;
        this.instances = instances;
    }

    /** Delivers {@code alert}; never throws. @return the targets it reached, e.g. {@code notify:acme/prod/alerts} */
    public List<String> deliver(AdapterAlert alert, ProducerTemplate producer) {
        List<String> reached = new ArrayList<>();
        for (InstanceRef target : targets(alert, properties.notifyInstance(), properties.hubNotify())) {
            if (installed(target, NotifyComponent.CATEGORY)) {
                call(producer, alert, "notify:send", target, notification(alert), NotifyConstants.EVENT, event(alert))
                        .ifPresent(reached::add);
            }
        }
        if (properties.tickets(alert.severity())) {
            boolean firing = alert.state() == AdapterAlert.State.FIRING;
            for (InstanceRef target : targets(alert, properties.ticketingInstance(), properties.hubTicketing())) {
                if (installed(target, TicketingComponent.CATEGORY)) {
                    call(
                                    producer,
                                    alert,
                                    firing ? "ticketing:create" : "ticketing:close",
                                    target,
                                    firing ? ticket(alert) : Map.of("note", "Resolved at " + alert.resolvedAt()),
                                    TicketingConstants.EXTERNAL_KEY,
                                    alert.id())
                            .ifPresent(reached::add);
                }
            }
        }
        return reached;
    }

    private static List<InstanceRef> targets(AdapterAlert alert, String tenantInstance, String hub) {
        List<InstanceRef> targets = new ArrayList<>();
        targets.add(new InstanceRef(alert.tenant(), alert.environment(), tenantInstance));
        AlertDeliveryProperties.target(hub).ifPresent(t -> {
            InstanceRef platform = new InstanceRef(t[0], t[1], t[2]);
            if (!platform.equals(targets.get(0))) {
                targets.add(platform);
            }
        });
        return targets;
    }

    private boolean installed(InstanceRef ref, String category) {
        try {
            instances.resolve(ref, category);
            return true;
        } catch (AdapterException e) {
            if (e.code() != SpiErrorCode.ADAPTER_NOT_INSTALLED) {
                LOG.atWarn()
                        .addKeyValue("event", "alert_delivery_failed")
                        .addKeyValue("code", e.code().name())
                        .log(
                                "alert delivery through {} ({}) skipped: {}",
                                ref.id(),
                                category,
                                e.code().name());
            }
            return false;
        }
    }

    private static java.util.Optional<String> call(
            ProducerTemplate producer,
            AdapterAlert alert,
            String uri,
            InstanceRef target,
            Map<String, Object> body,
            String header,
            String value) {
        Exchange done = producer.request(uri + "?instance=" + target.instance(), exchange -> {
            exchange.getMessage().setHeader(AdapterHeaders.TENANT, target.tenant());
            exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, target.environment());
            exchange.getMessage().setHeader(AdapterHeaders.ACTOR, ACTOR);
            exchange.getMessage().setHeader(AdapterHeaders.DATA_CLASSIFICATION, "internal");
            exchange.getMessage().setHeader(header, value);
            exchange.getMessage().setBody(body);
        });
        Exception failed = done.getException();
        String scheme = uri.substring(0, uri.indexOf(':'));
        if (failed == null) {
            return java.util.Optional.of(scheme + ":" + target.id());
        }
        if (failed instanceof AdapterException coded
                && coded.code().name().equals("TICKETING_NOT_FOUND")
                && alert.state() == AdapterAlert.State.RESOLVED) {
            return java.util.Optional.empty(); // no ticket to close: it was never opened there
        }
        LOG.atWarn()
                .addKeyValue("event", "alert_delivery_failed")
                .addKeyValue("alertId", alert.id())
                .addKeyValue("target", scheme + ":" + target.id())
                .addKeyValue(
                        "code",
                        failed instanceof AdapterException coded ? coded.code().name() : "UNEXPECTED")
                .log(
                        "event=alert_delivery_failed alert={} through {}:{}: {}",
                        alert.id(),
                        scheme,
                        target.id(),
                        failed instanceof AdapterException coded
                                ? coded.code().name()
                                : failed.getClass().getSimpleName());
        return java.util.Optional.empty();
    }

    private static String event(AdapterAlert alert) {
        return alert.state() == AdapterAlert.State.FIRING ? FIRED : RESOLVED;
    }

    /** The values a notify template or webhook receives: the alert's fields. */
    static Map<String, Object> notification(AdapterAlert alert) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("alertId", alert.id());
        values.put("state", alert.state().name());
        values.put("tenant", alert.tenant());
        values.put("environment", alert.environment());
        values.put("instance", alert.instance());
        values.put("instanceId", alert.instanceId());
        values.put("category", alert.category());
        values.put("severity", alert.severity());
        values.put("reason", alert.reason());
        values.put("lastErrorCode", alert.lastErrorCode() == null ? "none" : alert.lastErrorCode());
        values.put("firedAt", String.valueOf(alert.firedAt()));
        values.put(
                "resolvedAt",
                alert.resolvedAt() == null ? "" : alert.resolvedAt().toString());
        return values;
    }

    static Map<String, Object> ticket(AdapterAlert alert) {
        String subject =
                "Adapter " + alert.instanceId() + " (" + alert.category() + ") is failing: " + alert.severity();
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT);
        }
        return Map.of(
                "subject",
                subject,
                "description",
                "Conductor alert " + alert.id() + "\n\nInstance: " + alert.instanceId() + "\nCategory: "
                        + alert.category() + "\nSeverity: " + alert.severity() + "\nReason: " + alert.reason()
                        + "\nLast error code: " + (alert.lastErrorCode() == null ? "none" : alert.lastErrorCode())
                        + "\nFired at: " + alert.firedAt()
                        + "\n\nThis ticket closes itself when the alert resolves. Runbook: runbooks/adapters.md");
    }
}
