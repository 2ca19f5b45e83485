package io.maestro.conductor.adapter.metrics;

import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Per-instance adapter metrics. Every meter is tagged tenant, environment, category, instance, operation and
 * outcome ({@code success}, {@code error} or {@code denied}); the error counter also carries the error code.
 *
 * <p>Meters are registered once per tag combination and kept: building tags and looking a meter up in the registry
 * on every call costs more than the call's own bookkeeping.
 */
public final class AdapterMetrics {

    public static final String REQUESTS = "conductor.adapter.requests";
    public static final String ERRORS = "conductor.adapter.errors";
    public static final String LATENCY = "conductor.adapter.latency";
    public static final String LAST_SUCCESS = "conductor.adapter.last.success";

    public static final String RECEIVED = "conductor.adapter.consumer.received";
    public static final String FAILED = "conductor.adapter.consumer.failed";
    public static final String LAG = "conductor.adapter.consumer.lag";

    public static final String SUCCESS = "success";
    public static final String ERROR = "error";
    public static final String DENIED = "denied";

    /** One tag combination without the error code. */
    private record Key(InstanceRef ref, String category, String operation, String outcome) {}

    private record ErrorKey(Key key, String code) {}

    /** The meters of one tag combination; the gauge only for {@code success}. */
    private record Meters(Tags tags, Counter requests, Timer latency, AtomicLong lastSuccessEpochSeconds) {}

    private final MeterRegistry registry;
    private final Map<Key, Meters> meters = new ConcurrentHashMap<>();
    private final Map<ErrorKey, Counter> errors = new ConcurrentHashMap<>();
    private final Map<Key, Counter> received = new ConcurrentHashMap<>();
    private final Map<ErrorKey, Counter> consumerFailures = new ConcurrentHashMap<>();

    public AdapterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void success(ResolvedInstance instance, String operation, Duration latency) {
        Meters found = count(key(instance, operation, SUCCESS), latency);
        found.lastSuccessEpochSeconds().set(System.currentTimeMillis() / 1000);
    }

    public void failure(ResolvedInstance instance, String operation, String outcome, String code, Duration latency) {
        Key key = key(instance, operation, outcome);
        Meters found = count(key, latency);
        errors.computeIfAbsent(
                        new ErrorKey(key, code),
                        errorKey -> Counter.builder(ERRORS)
                                .description("Adapter calls that failed or were denied")
                                .tags(found.tags())
                                .tag("code", code)
                                .register(registry))
                .increment();
    }

    /** A consumer received a message (counted before governance: a denied message was received too). */
    public void received(ResolvedInstance instance, String operation) {
        received.computeIfAbsent(
                        key(instance, operation, ""),
                        key -> Counter.builder(RECEIVED)
                                .description("Messages adapter consumers received")
                                .tags(consumerTags(key))
                                .register(registry))
                .increment();
    }

    /** A received message was denied or failed in its route. */
    public void consumerFailed(ResolvedInstance instance, String operation, String code) {
        consumerFailures
                .computeIfAbsent(
                        new ErrorKey(key(instance, operation, ""), code),
                        errorKey -> Counter.builder(FAILED)
                                .description("Received messages that were denied or failed in their route")
                                .tags(consumerTags(errorKey.key()))
                                .tag("code", code)
                                .register(registry))
                .increment();
    }

    /** Messages waiting at the backend for a consumer; registered once per consumer, read when scraped. */
    public void lag(ResolvedInstance instance, String operation, LongSupplier waiting) {
        Gauge.builder(LAG, waiting, supplier -> supplier.getAsLong())
                .strongReference(true)
                .description("Messages waiting at the backend for an adapter consumer; -1 when it cannot say")
                .tags(consumerTags(key(instance, operation, "")))
                .register(registry);
    }

    private static Tags consumerTags(Key key) {
        return Tags.of(
                "tenant",
                key.ref().tenant(),
                "environment",
                key.ref().environment(),
                "category",
                key.category(),
                "instance",
                key.ref().instance(),
                "operation",
                key.operation());
    }

    private Meters count(Key key, Duration latency) {
        Meters found = meters.computeIfAbsent(key, this::register);
        found.requests().increment();
        found.latency().record(latency);
        return found;
    }

    private Meters register(Key key) {
        Tags tags = Tags.of(
                "tenant", key.ref().tenant(),
                "environment", key.ref().environment(),
                "category", key.category(),
                "instance", key.ref().instance(),
                "operation", key.operation(),
                "outcome", key.outcome());
        Counter requests = Counter.builder(REQUESTS)
                .description("Adapter calls")
                .tags(tags)
                .register(registry);
        Timer latency = Timer.builder(LATENCY)
                .description("Adapter call latency, governance check included")
                .publishPercentileHistogram()
                .tags(tags)
                .register(registry);
        AtomicLong lastSuccess = null;
        if (SUCCESS.equals(key.outcome())) {
            lastSuccess = new AtomicLong();
            Gauge.builder(LAST_SUCCESS, lastSuccess, AtomicLong::get)
                    .description("Epoch seconds of the last successful call")
                    .baseUnit("seconds")
                    .tags(tags)
                    .register(registry);
        }
        return new Meters(tags, requests, latency, lastSuccess);
    }

    private static Key key(ResolvedInstance instance, String operation, String outcome) {
        return new Key(instance.ref(), instance.category(), operation, outcome);
    }
}
