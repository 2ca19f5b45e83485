package io.maestro.conductor.registry.model;

import java.util.Arrays;
import java.util.Optional;

/** Who the tenant is to us: our own teams, a partner's brand, or a customer of the SaaS offer. */
public enum TenantKind {
    INTERNAL("internal"),
    WHITE_LABEL("white-label"),
    SAAS("saas");

    private final String id;

    TenantKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<TenantKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
