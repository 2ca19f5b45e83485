package io.maestro.conductor.registry;

import java.io.Serializable;
import java.util.Objects;

/** Who asked for a change or a secret: an operator's login, or a named system component. */
public record Actor(String id) implements Serializable {

    public Actor {
        Objects.requireNonNull(id, "actor id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("actor id must not be blank");
        }
    }

    /** A component of the hub acting on its own behalf, e.g. {@code system("tenant-config-loader")}. */
    public static Actor system(String component) {
        return new Actor("system:" + component);
    }
}
