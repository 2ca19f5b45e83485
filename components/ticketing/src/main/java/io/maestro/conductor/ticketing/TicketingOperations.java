package io.maestro.conductor.ticketing;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.camel.Invocation;
import io.maestro.conductor.adapter.camel.Operations;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The ticketing operations: the contract the alert route and workflows call (see README). */
final class TicketingOperations {

    static final String KEY_PATTERN = "[A-Za-z0-9._:-]{1,100}";
    static final int MAX_SUBJECT = 140;
    static final int MAX_TEXT = 65_536;
    private static final String ID_PATTERN = "[0-9]{1,12}";
    private static final String PRIORITY_PATTERN = "[A-Za-z0-9 _-]{1,50}";
    private static final Set<String> FIELDS = Set.of("subject", "description", "priority");

    private TicketingOperations() {}

    static Operations<TicketingBackend> table() {
        return new Operations<TicketingBackend>()
                .on("create", (exchange, backend, call) -> {
                    TicketingBackend.Result result = backend.create(requireKey(exchange, call), fields(exchange, call));
                    answer(exchange, result.ticket());
                    exchange.getMessage().setHeader(TicketingConstants.CREATED, result.created());
                })
                .on("lookup", (exchange, backend, call) -> {
                    var found = backend.lookup(requireKey(exchange, call));
                    exchange.getMessage().setHeader(TicketingConstants.FOUND, found.isPresent());
                    if (found.isPresent()) {
                        answer(exchange, found.get());
                    } else {
                        exchange.getMessage().removeHeader(TicketingConstants.TICKET_ID);
                        exchange.getMessage().setBody(null);
                    }
                })
                .on("update", (exchange, backend, call) -> {
                    TicketFields fields = fields(exchange, call);
                    String id = ticketId(exchange, backend, call);
                    backend.update(id, fields);
                    answer(exchange, backend.get(id));
                })
                .on("comment", (exchange, backend, call) -> {
                    String text = text(exchange.getMessage().getBody(), "text", call);
                    if (text == null || text.isBlank()) {
                        throw invalid(call, "comment needs a text body");
                    }
                    String id = ticketId(exchange, backend, call);
                    backend.comment(id, text);
                    exchange.getMessage().setHeader(TicketingConstants.TICKET_ID, id);
                })
                .on("close", (exchange, backend, call) -> {
                    String note = text(exchange.getMessage().getBody(), "note", call);
                    answer(exchange, backend.close(ticketId(exchange, backend, call), note));
                });
    }

    private static void answer(Exchange exchange, Ticket ticket) {
        Message message = exchange.getMessage();
        message.setHeader(TicketingConstants.TICKET_ID, ticket.id());
        message.setHeader(TicketingConstants.CLOSED, ticket.closed());
        message.setBody(ticket.toMap());
    }

    private static String requireKey(Exchange exchange, Invocation call) {
        String key = exchange.getMessage().getHeader(TicketingConstants.EXTERNAL_KEY, String.class);
        if (key == null || !key.matches(KEY_PATTERN)) {
            throw invalid(
                    call,
                    "header " + TicketingConstants.EXTERNAL_KEY + " must be an external key (" + KEY_PATTERN + ")");
        }
        return key;
    }

    /** The ticket a call addresses: header TICKET_ID, else the ticket with header EXTERNAL_KEY. */
    private static String ticketId(Exchange exchange, TicketingBackend backend, Invocation call) {
        String id = exchange.getMessage().getHeader(TicketingConstants.TICKET_ID, String.class);
        if (id != null) {
            if (!id.matches(ID_PATTERN)) {
                throw invalid(call, "header " + TicketingConstants.TICKET_ID + " is not a ticket id");
            }
            return id;
        }
        if (exchange.getMessage().getHeader(TicketingConstants.EXTERNAL_KEY) == null) {
            throw invalid(
                    call,
                    "name the ticket: header " + TicketingConstants.TICKET_ID + " or "
                            + TicketingConstants.EXTERNAL_KEY);
        }
        return backend.lookup(requireKey(exchange, call))
                .orElseThrow(() -> new AdapterException(
                        TicketingErrorCode.TICKETING_NOT_FOUND, call.instanceId(), "no ticket has that external key"))
                .id();
    }

    private static TicketFields fields(Exchange exchange, Invocation call) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            return new TicketFields(null, null, null);
        }
        if (!(body instanceof Map<?, ?> map)) {
            throw invalid(call, "the body must be a map of subject, description, priority");
        }
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                throw invalid(call, "the body may hold only subject, description, priority");
            }
        }
        String subject = string(map.get("subject"), "subject", call);
        if (subject != null
                && (subject.length() > MAX_SUBJECT || subject.chars().anyMatch(Character::isISOControl))) {
            throw invalid(call, "subject must be one line of at most " + MAX_SUBJECT + " characters");
        }
        String description = string(map.get("description"), "description", call);
        if (description != null && description.length() > MAX_TEXT) {
            throw invalid(call, "description is longer than " + MAX_TEXT + " characters");
        }
        String priority = string(map.get("priority"), "priority", call);
        if (priority != null && !priority.matches(PRIORITY_PATTERN)) {
            throw invalid(call, "priority is not a priority name");
        }
        return new TicketFields(subject, description, priority);
    }

    /** A comment's or note's text: the body's {@code field}; the body is a map like every other (or null). */
    private static String text(Object body, String field, Invocation call) {
        if (body != null && !(body instanceof Map<?, ?>)) {
            throw invalid(call, "the body must be a map with " + field);
        }
        Map<?, ?> map = body == null ? Map.of() : (Map<?, ?>) body;
        for (Object key : map.keySet()) {
            if (!field.equals(String.valueOf(key))) {
                throw invalid(call, "the body may hold only " + field);
            }
        }
        String text = string(map.get(field), field, call);
        if (text != null && text.length() > MAX_TEXT) {
            throw invalid(call, field + " is longer than " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static String string(Object value, String field, Invocation call) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw invalid(call, field + " must be text");
    }

    private static AdapterException invalid(Invocation call, String detail) {
        return new AdapterException(TicketingErrorCode.TICKETING_REQUEST_INVALID, call.instanceId(), detail);
    }
}
