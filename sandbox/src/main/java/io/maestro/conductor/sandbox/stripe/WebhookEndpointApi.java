package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * {@code /v1/webhook_endpoints}: the signing secret is shown once, in the answer to the create call. Unlike Stripe,
 * only loopback URLs are accepted.
 */
final class WebhookEndpointApi {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private final SandboxState state;

    WebhookEndpointApi(SandboxState state) {
        this.state = state;
    }

    void register(Router router) {
        router.add("POST", "/v1/webhook_endpoints", this::create)
                .add(
                        "GET",
                        "/v1/webhook_endpoints/{id}",
                        request -> SandboxState.require(
                                state.webhookEndpoints, request.pathVariable("id"), "webhook_endpoint", "id"));
    }

    private ObjectNode create(StripeRequest request) {
        request.allow("url", "enabled_events", "description", "api_version", "metadata");
        String url = request.requireString("url");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw StripeApiException.invalid("url_invalid", "Invalid URL: " + url, "url");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw StripeApiException.invalid("url_invalid", "Invalid URL: " + url, "url");
        }
        if (!LOOPBACK.contains(uri.getHost())) {
            // A test peer sends nothing off this machine.
            throw StripeApiException.invalid(
                    "url_invalid", "Invalid URL: the sandbox delivers webhooks to loopback hosts only", "url");
        }
        List<Object> events = request.list("enabled_events");
        if (events == null || events.isEmpty()) {
            throw StripeApiException.missingParam("enabled_events");
        }
        ObjectNode endpoint = StripeObjects.create("webhook_endpoint", "we", state.now());
        endpoint.put("url", url);
        endpoint.put("description", request.string("description"));
        endpoint.put("api_version", request.string("api_version"));
        ArrayNode enabled = endpoint.putArray("enabled_events");
        events.forEach(event -> enabled.add(String.valueOf(event)));
        StripeObjects.applyMetadata(endpoint, request.map("metadata"));
        String secret = "whsec_" + StripeObjects.newId("x").substring(2)
                + StripeObjects.newId("x").substring(2);
        String id = endpoint.get("id").asText();
        state.webhookEndpoints.put(id, endpoint);
        state.webhookSecrets.put(id, secret);
        ObjectNode created = endpoint.deepCopy();
        created.put("secret", secret);
        return created;
    }
}
