package io.maestro.conductor.registry.graph;

import io.maestro.conductor.registry.model.AdapterCategory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An adapter endpoint as a route writes it: {@code <scheme>:<operation>?instance=<name>&...}, where the
 * scheme is an adapter category's ({@code storage}, {@code identity}, {@code eventbus}, ...).
 *
 * @param operation   the path, e.g. {@code put_object} (empty when the URI has none)
 * @param instance    the {@code instance} parameter, or {@code null} when absent
 * @param tenant      the {@code tenant} parameter (a consumer, e.g. {@code eventbus:subscribe}, names whose instance
 *                    it receives from; producers take the tenant from the exchange), or {@code null} when absent
 * @param environment the {@code environment} parameter, or {@code null} when absent
 */
public record EndpointRef(
        String uri, AdapterCategory category, String operation, String instance, String tenant, String environment) {

    /** Empty when the URI is not an adapter endpoint (e.g. {@code log:} or {@code direct:}). */
    public static Optional<EndpointRef> parse(String uri) {
        int colon = uri.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        Optional<AdapterCategory> category = AdapterCategory.fromScheme(uri.substring(0, colon));
        if (category.isEmpty()) {
            return Optional.empty();
        }
        String instance = null;
        String tenant = null;
        String environment = null;
        int query = uri.indexOf('?');
        String operation = uri.substring(colon + 1, query >= 0 ? query : uri.length());
        while (operation.startsWith("/")) {
            operation = operation.substring(1);
        }
        if (query >= 0) {
            for (String pair : uri.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                switch (pair.substring(0, eq)) {
                    case "instance" -> instance = value;
                    case "tenant" -> tenant = value;
                    case "environment" -> environment = value;
                    default -> {}
                }
            }
        }
        return Optional.of(new EndpointRef(uri, category.get(), operation, instance, tenant, environment));
    }
}
