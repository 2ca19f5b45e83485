package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stripe's v2 meter event stream: {@code POST /v2/billing/meter_event_session} (with the secret key) hands out an
 * authentication token valid for 15 minutes; {@code POST /v2/billing/meter_event_stream} (with that token, never the
 * key) takes 1 to 100 events as JSON and answers {@code {}}. As published, the stream validates events
 * asynchronously: an event outside the timestamp window or with an identifier seen in the past 24 hours is dropped,
 * not refused, and shows up in {@link #errors()} (Stripe's meter error reports) instead of the answer. The request's
 * shape (JSON, the events array and each event's fields) is checked at once; errors use the v2 envelope
 * {@code {"error":{"type","code","message","doc_url"}}}. Called under the sandbox's lock.
 */
final class MeterEventStreamApi {

    static final String SESSION_PATH = "/v2/billing/meter_event_session";
    static final String STREAM_PATH = "/v2/billing/meter_event_stream";
    static final Duration SESSION_LIFETIME = Duration.ofMinutes(15);
    static final int MAX_EVENTS = 100;
    /** As Stripe's v2 examples write times: {@code 2024-06-01T12:00:00.000Z}. */
    private static final DateTimeFormatter RFC_3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final Set<String> EVENT_FIELDS = Set.of("event_name", "payload", "identifier", "timestamp");

    private final SandboxState state;
    private final MeterApi meters;
    private final SecureRandom random = new SecureRandom();
    /** Live session tokens and their expiry. */
    private final Map<String, Instant> sessions = new HashMap<>();

    private final List<DroppedMeterEvent> errors = new ArrayList<>();

    MeterEventStreamApi(SandboxState state, MeterApi meters) {
        this.state = state;
        this.meters = meters;
    }

    static boolean handles(String path) {
        return path.startsWith("/v2/");
    }

    /**
     * @param requireSecretKey throws unless the request carried the account's secret key (the session endpoint's
     *                         credential)
     * @param bearer           the Bearer credential presented, or null (the stream endpoint's session token)
     */
    ObjectNode handle(String method, String path, Runnable requireSecretKey, String bearer, String body) {
        if ("POST".equals(method) && SESSION_PATH.equals(path)) {
            requireSecretKey.run();
            return createSession(json(body));
        }
        if ("POST".equals(method) && STREAM_PATH.equals(path)) {
            authenticateSession(bearer);
            return stream(json(body));
        }
        throw new StripeApiException(
                404,
                "invalid_request_error",
                "not_found",
                "Unrecognized request URL (" + method + ": " + path + ").",
                null);
    }

    List<DroppedMeterEvent> errors() {
        return List.copyOf(errors);
    }

    private ObjectNode createSession(JsonNode params) {
        if (params.size() > 0) {
            throw invalidFields(
                    "Received unknown parameter: " + params.fieldNames().next());
        }
        Instant now = Instant.ofEpochSecond(state.now());
        Instant expires = now.plus(SESSION_LIFETIME);
        forgetExpired(now);
        String token = "mets_" + token();
        sessions.put(token, expires);
        ObjectNode session = StripeObjects.JSON.createObjectNode();
        session.put("id", StripeObjects.newId("mes"));
        session.put("object", "v2.billing.meter_event_session");
        session.put("authentication_token", token);
        session.put("created", rfc3339(now));
        session.put("expires_at", rfc3339(expires));
        session.put("livemode", false);
        return session;
    }

    private void authenticateSession(String bearer) {
        Instant expires = null;
        if (bearer != null) {
            for (Map.Entry<String, Instant> session : sessions.entrySet()) {
                if (MessageDigest.isEqual(
                        session.getKey().getBytes(StandardCharsets.UTF_8), bearer.getBytes(StandardCharsets.UTF_8))) {
                    expires = session.getValue();
                }
            }
        }
        if (expires == null) {
            throw unauthenticated();
        }
        if (!Instant.ofEpochSecond(state.now()).isBefore(expires)) {
            throw new StripeApiException(
                    401,
                    "temporary_session_expired",
                    "billing_meter_event_session_expired",
                    "The temporary session token has expired.",
                    null);
        }
    }

    private ObjectNode stream(JsonNode params) {
        Iterator<String> names = params.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!"events".equals(name)) {
                throw invalidFields("Received unknown parameter: " + name);
            }
        }
        JsonNode events = params.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw invalidFields("events is required and must be a non-empty array");
        }
        if (events.size() > MAX_EVENTS) {
            throw invalidFields("events supports up to " + MAX_EVENTS + " events per request");
        }
        List<ObjectNode> checked = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            checked.add(checkShape(events.get(i), "events[" + i + "]"));
        }
        long now = state.now();
        for (ObjectNode event : checked) {
            String identifier = event.path("identifier").asText(null);
            long timestamp = event.has("timestamp") ? timestamp(event.get("timestamp")) : now;
            MeterApi.Refusal refusal = meters.refusal(identifier, timestamp, now);
            if (refusal == null) {
                meters.accept(event.get("event_name").asText(), identifier, event.get("payload"), timestamp);
            } else {
                errors.add(new DroppedMeterEvent(identifier, refusal.name().toLowerCase(Locale.ROOT)));
            }
        }
        return StripeObjects.JSON.createObjectNode();
    }

    /** The event's fields and types, as the API's schema requires them before anything is queued. */
    private static ObjectNode checkShape(JsonNode event, String at) {
        if (!event.isObject()) {
            throw invalidFields(at + " must be an object");
        }
        event.fieldNames().forEachRemaining(name -> {
            if (!EVENT_FIELDS.contains(name)) {
                throw invalidFields("Received unknown parameter: " + at + "." + name);
            }
        });
        JsonNode name = event.get("event_name");
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            throw invalidFields(at + ".event_name is required");
        }
        JsonNode payload = event.get("payload");
        if (payload == null || !payload.isObject() || payload.isEmpty()) {
            throw invalidFields(at + ".payload is required");
        }
        payload.forEach(value -> {
            if (!value.isTextual()) {
                throw invalidFields(at + ".payload values must be strings");
            }
        });
        JsonNode identifier = event.get("identifier");
        if (identifier != null
                && (!identifier.isTextual() || identifier.asText().length() > MeterApi.MAX_IDENTIFIER)) {
            throw invalidFields(
                    at + ".identifier must be a string of at most " + MeterApi.MAX_IDENTIFIER + " characters");
        }
        JsonNode timestamp = event.get("timestamp");
        if (timestamp != null) {
            try {
                timestamp(timestamp);
            } catch (DateTimeParseException e) {
                throw invalidFields(at + ".timestamp must be an RFC 3339 date-time");
            }
        }
        return (ObjectNode) event;
    }

    private static long timestamp(JsonNode value) {
        if (!value.isTextual()) {
            throw new DateTimeParseException("not a string", value.toString(), 0);
        }
        return Instant.parse(value.asText()).getEpochSecond();
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return StripeObjects.JSON.createObjectNode();
        }
        try {
            JsonNode parsed = StripeObjects.JSON.readTree(body);
            if (parsed == null || !parsed.isObject()) {
                throw invalidFields("The request body must be a JSON object");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw invalidFields("The request body is not valid JSON");
        }
    }

    private void forgetExpired(Instant now) {
        sessions.values().removeIf(expires -> !now.isBefore(expires));
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String rfc3339(Instant instant) {
        return RFC_3339.format(instant);
    }

    private static StripeApiException invalidFields(String message) {
        return new StripeApiException(400, "invalid_request_error", "invalid_fields", message, null);
    }

    private static StripeApiException unauthenticated() {
        return new StripeApiException(
                401,
                "invalid_request_error",
                null,
                "You did not provide a valid authentication token for this endpoint.",
                null);
    }
}
