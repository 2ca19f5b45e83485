package io.maestro.conductor.hub.health;

import java.time.Instant;
import java.util.List;

/**
 * One adapter instance's health as the API and the Switchboard show it: the cluster's figures over the recent
 * window, the status the rules give them, and the workflows its failure impacts. Latencies are null without calls.
 */
public record AdapterInstanceHealth(
        String tenant,
        String environment,
        String instance,
        String category,
        HealthStatus status,
        long requests,
        long errors,
        double errorRate,
        long denials,
        Latency latencyMs,
        Instant lastSuccess,
        LastError lastError,
        List<String> impactedWorkflows) {

    public record Latency(Double p50, Double p95, Double p99) {}

    public record LastError(String code, Instant at) {}

    public String id() {
        return tenant + "/" + environment + "/" + instance;
    }
}
