package io.maestro.conductor.hub.api.endpoints;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The storage and service endpoints tenant-scoped users may choose for an adapter instance
 * ({@code conductor.endpoints.*}), kept by the operator in the hub's config. Empty by default: until the operator
 * lists some, a tenant user can set no endpoint at all and instances use their provider's own.
 *
 * @param allowed      per definition name, endpoints allowed in every environment,
 *                     e.g. {@code conductor.endpoints.allowed.s3-storage[0]=https://minio.internal:9000}
 * @param environments per environment, then per definition, endpoints allowed there in addition,
 *                     e.g. {@code conductor.endpoints.environments.dev.s3-storage[0]=http://127.0.0.1:9000}
 */
@ConfigurationProperties(prefix = "conductor.endpoints", ignoreUnknownFields = false)
public record EndpointAllowlist(
        @DefaultValue Map<String, List<String>> allowed,
        @DefaultValue Map<String, Map<String, List<String>>> environments) {

    /** The endpoints allowed for {@code definition} in {@code environment}, in their compared form. */
    public Set<String> allowedFor(String definition, String environment) {
        Stream<String> everywhere = allowed.getOrDefault(definition, List.of()).stream();
        Stream<String> here =
                environments.getOrDefault(environment, Map.of()).getOrDefault(definition, List.of()).stream();
        Set<String> all = new TreeSet<>();
        Stream.concat(everywhere, here).map(EndpointAllowlist::comparable).forEach(all::add);
        return all;
    }

    /** Every definition with an endpoint allowed in {@code environment}, with its endpoints. */
    public Map<String, Set<String>> allowedIn(String environment) {
        Set<String> definitions = new TreeSet<>(allowed.keySet());
        definitions.addAll(environments.getOrDefault(environment, Map.of()).keySet());
        Map<String, Set<String>> view = new TreeMap<>();
        definitions.forEach(definition -> view.put(definition, allowedFor(definition, environment)));
        return view;
    }

    /**
     * Endpoints are compared as written, but for one trailing slash: "pick from the list" means exactly one of its
     * entries, so user info, another port or a look-alike host never match.
     */
    static String comparable(String endpoint) {
        String trimmed = endpoint.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
