package io.maestro.conductor.notify;

import java.util.List;
import java.util.Map;

/**
 * One {@code notify:send}: what happened ({@code event}), for which tenant, with which values.
 *
 * @param template   e-mail template name (the event when the caller named none)
 * @param recipients e-mail addresses (empty: the instance's defaults); unused by webhooks
 * @param variables  the values templates and webhook payloads carry
 */
public record Notification(
        String tenant,
        String environment,
        String event,
        String template,
        List<String> recipients,
        Map<String, Object> variables) {

    public Notification {
        recipients = List.copyOf(recipients);
        variables = Map.copyOf(variables);
    }
}
