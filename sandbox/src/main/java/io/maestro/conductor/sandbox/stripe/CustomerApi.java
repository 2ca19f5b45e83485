package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ThreadLocalRandom;

/** {@code /v1/customers}: create and retrieve. */
final class CustomerApi {

    private final SandboxState state;

    CustomerApi(SandboxState state) {
        this.state = state;
    }

    void register(Router router) {
        router.add("POST", "/v1/customers", this::create)
                .add(
                        "GET",
                        "/v1/customers/{id}",
                        request -> SandboxState.require(state.customers, request.pathVariable("id"), "customer", "id"));
    }

    private ObjectNode create(StripeRequest request) {
        request.allow("email", "name", "description", "phone", "metadata");
        ObjectNode customer = StripeObjects.create("customer", "cus", state.now());
        customer.put("email", request.string("email"));
        customer.put("name", request.string("name"));
        customer.put("description", request.string("description"));
        customer.put("phone", request.string("phone"));
        customer.put(
                "invoice_prefix",
                String.format("%08X", ThreadLocalRandom.current().nextInt()));
        StripeObjects.applyMetadata(customer, request.map("metadata"));
        state.customers.put(customer.get("id").asText(), customer);
        state.emit("customer.created", customer, request);
        return customer;
    }
}
