package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the sandbox account holds, in creation order. Handlers run one at a time under the sandbox's lock, so
 * nothing here is synchronized on its own.
 */
final class SandboxState {

    /** A meter event and the invoice that billed it, if any. */
    static final class MeterEventRecord {
        final ObjectNode event;
        String invoice;

        MeterEventRecord(ObjectNode event) {
            this.event = event;
        }
    }

    final Map<String, ObjectNode> customers = new LinkedHashMap<>();
    final Map<String, ObjectNode> products = new LinkedHashMap<>();
    final Map<String, ObjectNode> prices = new LinkedHashMap<>();
    final Map<String, ObjectNode> subscriptions = new LinkedHashMap<>();
    final Map<String, ObjectNode> meters = new LinkedHashMap<>();
    final Map<String, ObjectNode> invoices = new LinkedHashMap<>();
    final Map<String, ObjectNode> webhookEndpoints = new LinkedHashMap<>();
    final Map<String, String> webhookSecrets = new LinkedHashMap<>();
    final Map<String, ObjectNode> events = new LinkedHashMap<>();
    final List<MeterEventRecord> meterEvents = new ArrayList<>();
    /** Meter events by event name and each payload value: aggregation reads one customer's events, not all. */
    private final Map<String, List<MeterEventRecord>> meterEventsByPayloadValue = new HashMap<>();
    /** Meter event identifiers seen, with the epoch second they were first seen. */
    final Map<String, Long> meterEventIdentifiers = new LinkedHashMap<>();

    private final Clock clock;
    private final WebhookDispatcher webhooks;

    SandboxState(Clock clock, WebhookDispatcher webhooks) {
        this.clock = clock;
        this.webhooks = webhooks;
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    void addMeterEvent(MeterEventRecord record) {
        meterEvents.add(record);
        String eventName = record.event.get("event_name").asText();
        record.event
                .path("payload")
                .forEach(value -> meterEventsByPayloadValue
                        .computeIfAbsent(eventName + '\u0000' + value.asText(), key -> new ArrayList<>())
                        .add(record));
    }

    /** The meter events of this name with {@code value} somewhere in their payload, in creation order. */
    List<MeterEventRecord> meterEvents(String eventName, String value) {
        return meterEventsByPayloadValue.getOrDefault(eventName + '\u0000' + value, List.of());
    }

    static ObjectNode require(Map<String, ObjectNode> store, String id, String what, String param) {
        ObjectNode object = id == null ? null : store.get(id);
        if (object == null) {
            throw StripeApiException.noSuch(what, id, param);
        }
        return object;
    }

    /** Records an event ({@code invoice.finalized}, ...) about a snapshot of the object and sends it to the endpoints. */
    void emit(String type, ObjectNode object, StripeRequest cause) {
        ObjectNode event = StripeObjects.create("event", "evt", now());
        event.put("type", type);
        event.put("api_version", StripeSandbox.API_VERSION);
        event.with("data").set("object", object.deepCopy());
        ObjectNode request = event.with("request");
        request.put("id", cause.requestId);
        request.put("idempotency_key", cause.idempotencyKey);
        events.put(event.get("id").asText(), event);
        webhooks.send(event, webhookEndpoints.values(), webhookSecrets);
    }

    static <T> List<T> newestFirst(Iterable<T> inCreationOrder) {
        List<T> list = new ArrayList<>();
        inCreationOrder.forEach(item -> list.add(0, item));
        return list;
    }
}
