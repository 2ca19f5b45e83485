package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.instance.InstanceRef;
import org.slf4j.MDC;

/**
 * The logging context of one adapter call or received message: tenant, environment, correlation id, instance and
 * decision id. {@link #close()} puts back what the caller had under those keys, so an HTTP request's tenant and
 * correlation id outlive the adapter calls it makes.
 */
final class AdapterMdc implements AutoCloseable {

    private static final String[] KEYS = {"tenant", "environment", "correlationId", "instance", "decisionId"};

    private final String[] saved = new String[KEYS.length];

    private AdapterMdc() {
        for (int i = 0; i < KEYS.length; i++) {
            saved[i] = MDC.get(KEYS[i]);
        }
    }

    static AdapterMdc put(InstanceRef ref, String correlationId) {
        AdapterMdc mdc = new AdapterMdc();
        MDC.put("tenant", ref.tenant());
        MDC.put("environment", ref.environment());
        MDC.put("correlationId", correlationId);
        MDC.put("instance", ref.id());
        return mdc;
    }

    void decision(String decisionId) {
        MDC.put("decisionId", decisionId);
    }

    @Override
    public void close() {
        for (int i = 0; i < KEYS.length; i++) {
            if (saved[i] == null) {
                MDC.remove(KEYS[i]);
            } else {
                MDC.put(KEYS[i], saved[i]);
            }
        }
    }
}
