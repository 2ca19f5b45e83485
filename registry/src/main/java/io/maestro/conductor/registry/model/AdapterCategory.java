package io.maestro.conductor.registry.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of adapter the hub knows. {@code id} is the name used in definitions and the API;
 * {@code scheme} is the Camel endpoint scheme a route uses to reach an adapter of this kind.
 */
public enum AdapterCategory {
    IDENTITY("identity", "identity"),
    STORAGE("storage", "storage"),
    PAYMENTS("payments", "payments"),
    NOTIFICATIONS("notifications", "notify"),
    TICKETING("ticketing", "ticketing"),
    EVENT_BUS("event-bus", "eventbus"),
    NOTARY("notary", "notary");

    private final String id;
    private final String scheme;

    AdapterCategory(String id, String scheme) {
        this.id = id;
        this.scheme = scheme;
    }

    public String id() {
        return id;
    }

    public String scheme() {
        return scheme;
    }

    public static Optional<AdapterCategory> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    public static Optional<AdapterCategory> fromScheme(String scheme) {
        return Arrays.stream(values()).filter(c -> c.scheme.equals(scheme)).findFirst();
    }
}
