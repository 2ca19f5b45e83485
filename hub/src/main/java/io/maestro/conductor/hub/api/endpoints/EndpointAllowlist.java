package io.maestro.conductor.hub.api.endpoints;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The destinations tenant-scoped users may choose for an adapter instance ({@code conductor.endpoints.*}), kept by
 * the operator in the hub's config: for the SPI's {@code endpoint} key and for every other key a definition marks
 * as a destination ({@code x-destination}: an identity provider's issuer, a Kafka cluster's brokers). Empty by
 * default: until the operator lists some, a tenant user can set no destination at all and instances use their
 * provider's own (or what the operator set).
 *
 * @param allowed                 per definition name, endpoints allowed in every environment,
 *                                e.g. {@code conductor.endpoints.allowed.s3-storage[0]=https://minio.internal:9000}
 * @param environments            per environment, then per definition, endpoints allowed there in addition,
 *                                e.g. {@code conductor.endpoints.environments.dev.s3-storage[0]=http://127.0.0.1:9000}
 * @param destinations            per definition, then per config key, destinations allowed in every environment,
 *                                e.g. {@code conductor.endpoints.destinations.scim-identity.issuer[0]=https://idp.example}
 *                                or {@code conductor.endpoints.destinations.kafka-eventbus.brokers[0]=kafka-1.internal:9092}
 * @param environmentDestinations per environment, then per definition and config key, allowed there in addition,
 *                                e.g. {@code conductor.endpoints.environment-destinations.dev.kafka-eventbus.brokers[0]=127.0.0.1:9092}
 */
@ConfigurationProperties(prefix = "conductor.endpoints", ignoreUnknownFields = false)
public record EndpointAllowlist(
        @DefaultValue Map<String, List<String>> allowed,
        @DefaultValue Map<String, Map<String, List<String>>> environments,
        @DefaultValue Map<String, Map<String, List<String>>> destinations,
        @DefaultValue Map<String, Map<String, Map<String, List<String>>>> environmentDestinations) {

    /** The endpoints allowed for {@code definition}'s {@code endpoint} key in {@code environment}, as listed. */
    public Set<String> allowedFor(String definition, String environment) {
        return allowedFor(definition, EndpointGuard.ENDPOINT, environment);
    }

    /**
     * The destinations allowed for one config key of {@code definition} in {@code environment}, as listed (one
     * trailing slash dropped). For {@code endpoint} the {@code allowed} and {@code environments} lists count too.
     */
    public Set<String> allowedFor(String definition, String key, String environment) {
        Stream<String> listed = Stream.concat(
                keyed(destinations.getOrDefault(definition, Map.of()), key),
                keyed(
                        environmentDestinations
                                .getOrDefault(environment, Map.of())
                                .getOrDefault(definition, Map.of()),
                        key));
        if (EndpointGuard.ENDPOINT.equals(key)) {
            Stream<String> everywhere = allowed.getOrDefault(definition, List.of()).stream();
            Stream<String> here =
                    environments.getOrDefault(environment, Map.of()).getOrDefault(definition, List.of()).stream();
            listed = Stream.concat(Stream.concat(everywhere, here), listed);
        }
        Set<String> all = new TreeSet<>();
        listed.map(EndpointAllowlist::comparable).forEach(all::add);
        return all;
    }

    /** Every definition with an endpoint allowed in {@code environment}, with its endpoints. */
    public Map<String, Set<String>> allowedIn(String environment) {
        Set<String> definitions = new TreeSet<>(allowed.keySet());
        definitions.addAll(environments.getOrDefault(environment, Map.of()).keySet());
        destinations.forEach((definition, keys) -> {
            if (keyed(keys, EndpointGuard.ENDPOINT).findAny().isPresent()) {
                definitions.add(definition);
            }
        });
        environmentDestinations.getOrDefault(environment, Map.of()).forEach((definition, keys) -> {
            if (keyed(keys, EndpointGuard.ENDPOINT).findAny().isPresent()) {
                definitions.add(definition);
            }
        });
        Map<String, Set<String>> view = new TreeMap<>();
        definitions.forEach(definition -> view.put(definition, allowedFor(definition, environment)));
        return view;
    }

    /**
     * The entries listed for a config key. Keys are matched ignoring case and dashes, since Spring's relaxed
     * binding may hand {@code jwksUrl} over as {@code jwksurl} or {@code jwks-url}.
     */
    private static Stream<String> keyed(Map<String, List<String>> byKey, String key) {
        String wanted = relaxed(key);
        return byKey.entrySet().stream()
                .filter(entry -> relaxed(entry.getKey()).equals(wanted))
                .flatMap(entry -> entry.getValue().stream());
    }

    private static String relaxed(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** An entry as listed, but for surrounding space and one trailing slash. */
    static String comparable(String endpoint) {
        String trimmed = endpoint.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
