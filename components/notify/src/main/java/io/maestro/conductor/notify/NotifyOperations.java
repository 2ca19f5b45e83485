package io.maestro.conductor.notify;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.camel.Invocation;
import io.maestro.conductor.adapter.camel.Operations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The notify operation {@code send}: the contract alerts and onboarding call (see README). */
final class NotifyOperations {

    private static final String EVENT_PATTERN = "[a-z0-9][a-z0-9._-]{0,99}";

    private NotifyOperations() {}

    static Operations<NotifyBackend> table() {
        return new Operations<NotifyBackend>().on("send", (exchange, backend, call) -> {
            NotifyBackend.Delivery delivery = backend.send(notification(exchange, call));
            exchange.getMessage().setHeader(NotifyConstants.DELIVERY_ID, delivery.id());
            exchange.getMessage().setHeader(NotifyConstants.ATTEMPTS, delivery.attempts());
        });
    }

    private static Notification notification(Exchange exchange, Invocation call) {
        Message message = exchange.getMessage();
        String event = message.getHeader(NotifyConstants.EVENT, String.class);
        if (event == null || !event.matches(EVENT_PATTERN)) {
            throw invalid(call, "header " + NotifyConstants.EVENT + " must name the event ([a-z0-9._-], up to 100)");
        }
        String template = message.getHeader(NotifyConstants.TEMPLATE, event, String.class);
        if (!template.matches(EVENT_PATTERN)) {
            throw invalid(call, "header " + NotifyConstants.TEMPLATE + " is not a template name");
        }
        return new Notification(
                call.instance().ref().tenant(),
                call.instance().ref().environment(),
                event,
                template,
                Recipients.parse(message.getHeader(NotifyConstants.TO, String.class)),
                variables(message.getBody(), call));
    }

    private static Map<String, Object> variables(Object body, Invocation call) {
        if (body == null) {
            return Map.of();
        }
        if (!(body instanceof Map<?, ?> map)) {
            throw invalid(call, "the body must be a map of template variables");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value != null) {
                variables.put(String.valueOf(key), value);
            }
        });
        return variables;
    }

    private static AdapterException invalid(Invocation call, String detail) {
        return new AdapterException(NotifyErrorCode.NOTIFY_REQUEST_INVALID, call.instanceId(), detail);
    }
}
