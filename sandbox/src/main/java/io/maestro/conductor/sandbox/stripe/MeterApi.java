package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Billing meters and meter events ({@code /v1/billing/meters}, {@code /v1/billing/meter_events}) and the meter's
 * event summaries. As in Stripe, an accepted event that names no meter, no customer or no numeric value is simply
 * never billed (Stripe reports those asynchronously, not in the API answer).
 */
final class MeterApi {

    private static final long PAST_WINDOW = Duration.ofDays(35).toSeconds();
    private static final long FUTURE_WINDOW = Duration.ofMinutes(5).toSeconds();
    private static final long IDENTIFIER_WINDOW = Duration.ofHours(24).toSeconds();
    static final int MAX_IDENTIFIER = 100;
    private static final Set<String> FORMULAS = Set.of("sum", "count", "last");

    private final SandboxState state;

    MeterApi(SandboxState state) {
        this.state = state;
    }

    void register(Router router) {
        router.add("POST", "/v1/billing/meters", this::createMeter)
                .add(
                        "GET",
                        "/v1/billing/meters/{id}",
                        request ->
                                SandboxState.require(state.meters, request.pathVariable("id"), "billing.meter", "id"))
                .add("GET", "/v1/billing/meters/{id}/event_summaries", this::summaries)
                .add("POST", "/v1/billing/meter_events", this::createEvent);
    }

    private ObjectNode createMeter(StripeRequest request) {
        request.allow("display_name", "event_name", "default_aggregation", "customer_mapping", "value_settings");
        String displayName = request.requireString("display_name");
        String eventName = request.requireString("event_name");
        Map<String, Object> aggregation = request.map("default_aggregation");
        Object formula = aggregation == null ? null : aggregation.get("formula");
        if (formula == null) {
            throw StripeApiException.missingParam("default_aggregation[formula]");
        }
        if (!FORMULAS.contains(formula)) {
            throw StripeApiException.invalid(
                    "parameter_invalid_string",
                    "Invalid default_aggregation[formula]: must be one of sum, count, or last",
                    "default_aggregation[formula]");
        }
        for (ObjectNode meter : state.meters.values()) {
            if (eventName.equals(meter.get("event_name").asText())
                    && "active".equals(meter.get("status").asText())) {
                throw StripeApiException.invalid(
                        null, "An active meter with event_name `" + eventName + "` already exists.", "event_name");
            }
        }
        Map<String, Object> mapping = request.map("customer_mapping");
        Map<String, Object> valueSettings = request.map("value_settings");
        ObjectNode meter = StripeObjects.create("billing.meter", "mtr", state.now());
        meter.put("display_name", displayName);
        meter.put("event_name", eventName);
        meter.with("default_aggregation").put("formula", (String) formula);
        meter.with("customer_mapping")
                .put(
                        "event_payload_key",
                        String.valueOf(
                                mapping == null
                                        ? "stripe_customer_id"
                                        : mapping.getOrDefault("event_payload_key", "stripe_customer_id")));
        meter.with("customer_mapping").put("type", "by_id");
        meter.with("value_settings")
                .put(
                        "event_payload_key",
                        String.valueOf(
                                valueSettings == null
                                        ? "value"
                                        : valueSettings.getOrDefault("event_payload_key", "value")));
        meter.put("updated", state.now());
        state.meters.put(meter.get("id").asText(), meter);
        return meter;
    }

    private ObjectNode createEvent(StripeRequest request) {
        request.allow("event_name", "payload", "identifier", "timestamp");
        String eventName = request.requireString("event_name");
        Map<String, Object> payload = request.map("payload");
        if (payload == null || payload.isEmpty()) {
            throw StripeApiException.missingParam("payload");
        }
        long now = state.now();
        Long timestamp = request.integer("timestamp");
        String identifier = request.string("identifier");
        if (identifier != null && identifier.length() > MAX_IDENTIFIER) {
            throw StripeApiException.invalid(
                    "parameter_invalid_string", "Invalid identifier: must be at most 100 characters", "identifier");
        }
        Refusal refusal = refusal(identifier, timestamp == null ? now : timestamp, now);
        if (refusal == Refusal.TIMESTAMP_TOO_FAR_IN_PAST || refusal == Refusal.TIMESTAMP_IN_FUTURE) {
            throw StripeApiException.invalid(
                    "timestamp_outside_window",
                    "Timestamp must be within the past 35 " + "calendar days or up to 5 minutes in the future.",
                    "timestamp");
        }
        if (refusal == Refusal.DUPLICATE_IDENTIFIER) {
            throw StripeApiException.invalid(
                    null, "An event already exists with identifier " + identifier + ".", "identifier");
        }
        return accept(eventName, identifier, StripeObjects.toJson(payload), timestamp == null ? now : timestamp);
    }

    /** Why Stripe would not take an event; the v1 endpoint answers it, the v2 stream reports it asynchronously. */
    enum Refusal {
        TIMESTAMP_TOO_FAR_IN_PAST,
        TIMESTAMP_IN_FUTURE,
        DUPLICATE_IDENTIFIER
    }

    /** Null when an event with this identifier (none: a new one) and timestamp (epoch s) can be taken now. */
    Refusal refusal(String identifier, long timestamp, long now) {
        if (timestamp < now - PAST_WINDOW) {
            return Refusal.TIMESTAMP_TOO_FAR_IN_PAST;
        }
        if (timestamp > now + FUTURE_WINDOW) {
            return Refusal.TIMESTAMP_IN_FUTURE;
        }
        Long seen = identifier == null ? null : state.meterEventIdentifiers.get(identifier);
        return seen != null && seen > now - IDENTIFIER_WINDOW ? Refusal.DUPLICATE_IDENTIFIER : null;
    }

    /** Stores an event {@link #refusal} let through (identifier null: one is generated), as v1 shows it. */
    ObjectNode accept(String eventName, String identifier, JsonNode payload, long timestamp) {
        long now = state.now();
        String id = identifier != null ? identifier : StripeObjects.newId("mev").substring(4);
        ObjectNode event = StripeObjects.create("billing.meter_event", null, now);
        event.put("event_name", eventName);
        event.put("identifier", id);
        event.set("payload", payload);
        event.put("timestamp", timestamp);
        state.meterEventIdentifiers.put(id, now);
        state.addMeterEvent(new SandboxState.MeterEventRecord(event));
        return event;
    }

    private ObjectNode summaries(StripeRequest request) {
        request.allow("customer", "start_time", "end_time", "limit", "starting_after", "ending_before");
        ObjectNode meter = SandboxState.require(state.meters, request.pathVariable("id"), "billing.meter", "id");
        String customer = request.requireString("customer");
        Long start = request.integer("start_time");
        Long end = request.integer("end_time");
        if (start == null) {
            throw StripeApiException.missingParam("start_time");
        }
        if (end == null) {
            throw StripeApiException.missingParam("end_time");
        }
        ObjectNode summary = StripeObjects.create("billing.meter_event_summary", "mtrusg", state.now());
        summary.put("meter", meter.get("id").asText());
        summary.put("start_time", start);
        summary.put("end_time", end);
        summary.put(
                "aggregated_value",
                aggregate(meter, customer, start, end, false).value().doubleValue());
        String url = "/v1/billing/meters/" + meter.get("id").asText() + "/event_summaries";
        return Pagination.page(request, url, "billing.meter_event_summary", List.of(summary));
    }

    /** The aggregated usage of a customer on a meter in [start, end), and the events it counted. */
    record Usage(BigDecimal value, List<SandboxState.MeterEventRecord> events) {}

    Usage aggregate(ObjectNode meter, String customer, long start, long end, boolean unbilledOnly) {
        String eventName = meter.get("event_name").asText();
        String customerKey =
                meter.path("customer_mapping").path("event_payload_key").asText();
        String valueKey = meter.path("value_settings").path("event_payload_key").asText();
        String formula = meter.path("default_aggregation").path("formula").asText();
        BigDecimal value = BigDecimal.ZERO;
        List<SandboxState.MeterEventRecord> counted = new ArrayList<>();
        for (SandboxState.MeterEventRecord record : state.meterEvents(eventName, customer)) {
            ObjectNode event = record.event;
            long timestamp = event.get("timestamp").asLong();
            if (!customer.equals(event.path("payload").path(customerKey).asText(null))
                    || timestamp < start
                    || timestamp >= end
                    || (unbilledOnly && record.invoice != null)) {
                continue;
            }
            BigDecimal eventValue = number(event.path("payload").path(valueKey).asText(null));
            if (eventValue == null && !"count".equals(formula)) {
                continue;
            }
            value = switch (formula) {
                case "count" -> value.add(BigDecimal.ONE);
                case "last" -> eventValue;
                default -> value.add(eventValue);
            };
            counted.add(record);
        }
        return new Usage(value, counted);
    }

    private static BigDecimal number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
