package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/** {@code /v1/products} and {@code /v1/prices}: what subscriptions are made of. */
final class CatalogApi {

    private static final Set<String> INTERVALS = Set.of("day", "week", "month", "year");

    private final SandboxState state;

    CatalogApi(SandboxState state) {
        this.state = state;
    }

    void register(Router router) {
        router.add("POST", "/v1/products", this::createProduct)
                .add(
                        "GET",
                        "/v1/products/{id}",
                        request -> SandboxState.require(state.products, request.pathVariable("id"), "product", "id"))
                .add("POST", "/v1/prices", this::createPrice)
                .add(
                        "GET",
                        "/v1/prices/{id}",
                        request -> SandboxState.require(state.prices, request.pathVariable("id"), "price", "id"));
    }

    private ObjectNode createProduct(StripeRequest request) {
        request.allow("name", "description", "unit_label", "metadata");
        ObjectNode product = StripeObjects.create("product", "prod", state.now());
        product.put("name", request.requireString("name"));
        product.put("description", request.string("description"));
        product.put("unit_label", request.string("unit_label"));
        product.put("updated", state.now());
        StripeObjects.applyMetadata(product, request.map("metadata"));
        state.products.put(product.get("id").asText(), product);
        return product;
    }

    private ObjectNode createPrice(StripeRequest request) {
        request.allow("currency", "product", "unit_amount", "recurring", "nickname", "lookup_key", "metadata");
        String currency = request.requireString("currency");
        String productId = request.requireString("product");
        SandboxState.require(state.products, productId, "product", "product");
        Long unitAmount = request.integer("unit_amount");
        if (unitAmount == null) {
            throw StripeApiException.missingParam("unit_amount");
        }
        if (unitAmount < 0) {
            throw StripeApiException.invalid(
                    "parameter_invalid_integer", "This value must be greater than or equal to 0.", "unit_amount");
        }
        ObjectNode price = StripeObjects.create("price", "price", state.now());
        price.put("currency", currency.toLowerCase());
        price.put("product", productId);
        price.put("unit_amount", unitAmount);
        price.put("unit_amount_decimal", Long.toString(unitAmount));
        price.put("nickname", request.string("nickname"));
        price.put("lookup_key", request.string("lookup_key"));
        Map<String, Object> recurring = request.map("recurring");
        if (recurring == null) {
            price.put("type", "one_time");
        } else {
            price.set("recurring", recurring(recurring));
        }
        StripeObjects.applyMetadata(price, request.map("metadata"));
        state.prices.put(price.get("id").asText(), price);
        return price;
    }

    private ObjectNode recurring(Map<String, Object> params) {
        for (String name : params.keySet()) {
            if (!Set.of("interval", "interval_count", "usage_type", "meter").contains(name)) {
                throw StripeApiException.unknownParam("recurring[" + name + "]");
            }
        }
        Object interval = params.get("interval");
        if (interval == null) {
            throw StripeApiException.missingParam("recurring[interval]");
        }
        if (!INTERVALS.contains(interval)) {
            throw StripeApiException.invalid(
                    "parameter_invalid_string",
                    "Invalid recurring[interval]: must be one of day, week, month, or year",
                    "recurring[interval]");
        }
        Object usageType = params.getOrDefault("usage_type", "licensed");
        if (!"licensed".equals(usageType) && !"metered".equals(usageType)) {
            throw StripeApiException.invalid(
                    "parameter_invalid_string",
                    "Invalid recurring[usage_type]: must be one of licensed or metered",
                    "recurring[usage_type]");
        }
        Object meter = params.get("meter");
        if ("metered".equals(usageType) && meter == null) {
            // Since the removal of usage records, a metered price is always backed by a billing meter.
            throw StripeApiException.missingParam("recurring[meter]");
        }
        if (meter != null) {
            SandboxState.require(state.meters, String.valueOf(meter), "billing.meter", "recurring[meter]");
        }
        ObjectNode recurring = StripeObjects.JSON.createObjectNode();
        recurring.put("interval", (String) interval);
        recurring.put("interval_count", intervalCount(params.getOrDefault("interval_count", "1")));
        recurring.put("meter", meter == null ? null : String.valueOf(meter));
        recurring.put("usage_type", (String) usageType);
        recurring.putNull("trial_period_days");
        return recurring;
    }

    private static long intervalCount(Object value) {
        String text = String.valueOf(value);
        if (!text.matches("[1-9][0-9]{0,2}")) {
            throw StripeApiException.invalid(
                    "parameter_invalid_integer", "Invalid integer: " + text, "recurring[interval_count]");
        }
        return Long.parseLong(text);
    }
}
