package io.maestro.conductor.adapter.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Per-instance adapter metrics. Every meter is tagged tenant, environment, category, instance, operation and
 * outcome ({@code success}, {@code error} or {@code denied}); the error counter also carries the error code.
 */
public final class AdapterMetrics {

    public static final String REQUESTS = "conductor.adapter.requests";
    public static final String ERRORS = "conductor.adapter.errors";
    public static final String LATENCY = "conductor.adapter.latency";
    public static final String LAST_SUCCESS = "conductor.adapter.last.success";

    public static final String SUCCESS = "success";
    public static final String ERROR = "error";
    public static final String DENIED = "denied";

    private final MeterRegistry registry;
    private final Map<Tags, AtomicLong> lastSuccessEpochSeconds = new ConcurrentHashMap<>();

    public AdapterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void success(ResolvedInstance instance, String operation, Duration latency) {
        Tags tags = tags(instance, operation, SUCCESS);
        count(tags, latency);
        lastSuccessEpochSeconds.computeIfAbsent(tags, this::registerLastSuccessGauge)
                .set(System.currentTimeMillis() / 1000);
    }

    public void failure(ResolvedInstance instance, String operation, String outcome, String code, Duration latency) {
        Tags tags = tags(instance, operation, outcome);
        count(tags, latency);
        Counter.builder(ERRORS).description("Adapter calls that failed or were denied")
                .tags(tags).tag("code", code).register(registry).increment();
    }

    private void count(Tags tags, Duration latency) {
        Counter.builder(REQUESTS).description("Adapter calls").tags(tags).register(registry).increment();
        Timer.builder(LATENCY).description("Adapter call latency, governance check included")
                .publishPercentileHistogram().tags(tags).register(registry).record(latency);
    }

    private AtomicLong registerLastSuccessGauge(Tags tags) {
        AtomicLong holder = new AtomicLong();
        Gauge.builder(LAST_SUCCESS, holder, AtomicLong::get)
                .description("Epoch seconds of the last successful call").baseUnit("seconds")
                .tags(tags).register(registry);
        return holder;
    }

    private static Tags tags(ResolvedInstance instance, String operation, String outcome) {
        return Tags.of(
                "tenant", instance.ref().tenant(),
                "environment", instance.ref().environment(),
                "category", instance.category(),
                "instance", instance.ref().instance(),
                "operation", operation,
                "outcome", outcome);
    }
}
