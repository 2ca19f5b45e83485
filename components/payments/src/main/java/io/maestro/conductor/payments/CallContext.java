package io.maestro.conductor.payments;

import java.util.Objects;

/** Who a payments call is for: explicit on every call, never taken from a thread. */
public record CallContext(String tenant, String environment, String instance, String correlationId) {

    public CallContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** {@code tenant/environment/instance}, as adapter errors name instances. */
    public String instanceId() {
        return tenant + "/" + environment + "/" + instance;
    }
}
