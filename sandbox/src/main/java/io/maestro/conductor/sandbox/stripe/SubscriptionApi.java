package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/subscriptions}: create and retrieve. Billing periods sit on the items (as in API versions since
 * 2025-03-31). The sandbox holds no payment methods, so a subscription that must charge a card at once stays
 * {@code incomplete}; metered-only and {@code send_invoice} subscriptions are {@code active}.
 */
final class SubscriptionApi {

    private final SandboxState state;

    SubscriptionApi(SandboxState state) {
        this.state = state;
    }

    void register(Router router) {
        router.add("POST", "/v1/subscriptions", this::create)
                .add(
                        "GET",
                        "/v1/subscriptions/{id}",
                        request -> SandboxState.require(
                                state.subscriptions, request.pathVariable("id"), "subscription", "id"));
    }

    private ObjectNode create(StripeRequest request) {
        request.allow(
                "customer",
                "items",
                "collection_method",
                "days_until_due",
                "payment_behavior",
                "description",
                "metadata");
        String customerId = request.requireString("customer");
        SandboxState.require(state.customers, customerId, "customer", "customer");
        List<Object> items = request.list("items");
        if (items == null || items.isEmpty()) {
            throw StripeApiException.missingParam("items");
        }
        String collection =
                request.oneOf("collection_method", "charge_automatically", "charge_automatically", "send_invoice");
        Long daysUntilDue = request.integer("days_until_due");
        if ("send_invoice".equals(collection) && daysUntilDue == null) {
            throw StripeApiException.missingParam("days_until_due");
        }
        if ("charge_automatically".equals(collection) && daysUntilDue != null) {
            throw StripeApiException.invalid(
                    null,
                    "You may only specify days_until_due when collection_method is send_invoice.",
                    "days_until_due");
        }
        request.oneOf(
                "payment_behavior",
                "allow_incomplete",
                "allow_incomplete",
                "default_incomplete",
                "error_if_incomplete",
                "pending_if_incomplete");

        long now = state.now();
        ObjectNode subscription = StripeObjects.create("subscription", "sub", now);
        String subscriptionId = subscription.get("id").asText();
        ArrayNode data = StripeObjects.JSON.createArrayNode();
        String currency = null;
        boolean chargesNow = false;
        for (int index = 0; index < items.size(); index++) {
            ObjectNode item = item(items.get(index), index, subscriptionId, now);
            ObjectNode price = (ObjectNode) item.get("price");
            if (currency != null && !currency.equals(price.get("currency").asText())) {
                throw StripeApiException.invalid(
                        null, "All prices on a subscription must have the same currency.", "items");
            }
            currency = price.get("currency").asText();
            chargesNow |=
                    "licensed".equals(price.path("recurring").path("usage_type").asText())
                            && price.get("unit_amount").asLong() > 0;
            data.add(item);
        }
        subscription.set(
                "items", StripeObjects.list("/v1/subscription_items?subscription=" + subscriptionId, List.of(), false));
        ((ObjectNode) subscription.get("items")).set("data", data);
        subscription.put("customer", customerId);
        subscription.put("currency", currency);
        subscription.put("collection_method", collection);
        if (daysUntilDue != null) {
            subscription.put("days_until_due", daysUntilDue);
        }
        subscription.put("description", request.string("description"));
        subscription.put("billing_cycle_anchor", now);
        subscription.put("start_date", now);
        subscription.put("status", chargesNow && "charge_automatically".equals(collection) ? "incomplete" : "active");
        StripeObjects.applyMetadata(subscription, request.map("metadata"));
        state.subscriptions.put(subscriptionId, subscription);
        state.emit("customer.subscription.created", subscription, request);
        return subscription;
    }

    @SuppressWarnings("unchecked")
    private ObjectNode item(Object params, int index, String subscriptionId, long now) {
        String prefix = "items[" + index + "]";
        if (!(params instanceof Map)) {
            throw StripeApiException.invalid("parameter_invalid_string", "Invalid object", prefix);
        }
        Map<String, Object> fields = (Map<String, Object>) params;
        for (String name : fields.keySet()) {
            if (!name.equals("price") && !name.equals("quantity") && !name.equals("metadata")) {
                throw StripeApiException.unknownParam(prefix + "[" + name + "]");
            }
        }
        Object priceId = fields.get("price");
        if (priceId == null) {
            throw StripeApiException.missingParam(prefix + "[price]");
        }
        ObjectNode price = SandboxState.require(state.prices, String.valueOf(priceId), "price", prefix + "[price]");
        ObjectNode recurring = price.get("recurring").isObject() ? (ObjectNode) price.get("recurring") : null;
        if (recurring == null) {
            throw StripeApiException.invalid(
                    null,
                    "The price specified is set to `type=one_time` but this field "
                            + "only accepts prices with `type=recurring`.",
                    prefix + "[price]");
        }
        boolean metered = "metered".equals(recurring.get("usage_type").asText());
        if (metered && fields.containsKey("quantity")) {
            throw StripeApiException.invalid(
                    null,
                    "Quantity should not be specified where usage_type is `metered`. " + "Remove quantity from `"
                            + prefix + "`.",
                    prefix + "[quantity]");
        }
        ObjectNode item = StripeObjects.create("subscription_item", "si", now);
        item.set("price", price.deepCopy());
        item.put("subscription", subscriptionId);
        if (metered) {
            item.remove("quantity");
        } else {
            item.put("quantity", quantity(fields.getOrDefault("quantity", "1"), prefix));
        }
        item.put("current_period_start", now);
        item.put(
                "current_period_end",
                periodEnd(
                        now,
                        recurring.get("interval").asText(),
                        recurring.get("interval_count").asInt()));
        if (fields.get("metadata") instanceof Map) {
            StripeObjects.applyMetadata(item, (Map<String, Object>) fields.get("metadata"));
        }
        return item;
    }

    private static long quantity(Object value, String prefix) {
        String text = String.valueOf(value);
        if (!text.matches("[0-9]{1,9}")) {
            throw StripeApiException.invalid(
                    "parameter_invalid_integer", "Invalid integer: " + text, prefix + "[quantity]");
        }
        return Long.parseLong(text);
    }

    static long periodEnd(long start, String interval, int count) {
        ZonedDateTime from = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC);
        ZonedDateTime to = switch (interval) {
            case "day" -> from.plusDays(count);
            case "week" -> from.plusWeeks(count);
            case "year" -> from.plusYears(count);
            default -> from.plusMonths(count);
        };
        return to.toEpochSecond();
    }
}
