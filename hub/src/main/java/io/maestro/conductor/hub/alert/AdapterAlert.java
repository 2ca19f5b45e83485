package io.maestro.conductor.hub.alert;

import java.io.Serializable;
import java.time.Instant;

/**
 * One alert on one adapter instance, from the moment its category's rule was first broken ({@code FIRING}) to the
 * moment it no longer was ({@code RESOLVED}). Carries no payload, secret or config: what, where, why and when.
 */
public record AdapterAlert(
        String id,
        String tenant,
        String environment,
        String instance,
        String category,
        String severity,
        State state,
        String reason,
        String lastErrorCode,
        Instant firedAt,
        Instant resolvedAt,
        String acknowledgedBy,
        Instant acknowledgedAt)
        implements Serializable {

    public enum State {
        FIRING,
        RESOLVED
    }

    public String instanceId() {
        return tenant + "/" + environment + "/" + instance;
    }

    AdapterAlert resolved(Instant at) {
        return new AdapterAlert(
                id,
                tenant,
                environment,
                instance,
                category,
                severity,
                State.RESOLVED,
                reason,
                lastErrorCode,
                firedAt,
                at,
                acknowledgedBy,
                acknowledgedAt);
    }

    AdapterAlert acknowledged(String by, Instant at) {
        return new AdapterAlert(
                id,
                tenant,
                environment,
                instance,
                category,
                severity,
                state,
                reason,
                lastErrorCode,
                firedAt,
                resolvedAt,
                by,
                at);
    }
}
