package io.maestro.conductor.eventbus;

import io.maestro.conductor.adapter.instance.InstanceRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The event bus's meters per instance and topic (the SPI's {@code conductor.adapter.*} meters are per instance and
 * operation only): published, publish latency, consumed, failed (by side and code), dead-lettered, and the lag of
 * each subscription. Tags: tenant, environment, instance, topic (as the route names it).
 */
public final class EventbusMetrics {

    public static final String PUBLISHED = "conductor.eventbus.published";
    public static final String PUBLISH_LATENCY = "conductor.eventbus.publish.latency";
    public static final String CONSUMED = "conductor.eventbus.consumed";
    public static final String FAILED = "conductor.eventbus.failed";
    public static final String DEAD_LETTERED = "conductor.eventbus.dead.lettered";
    public static final String LAG = "conductor.eventbus.lag";

    private record Key(String name, InstanceRef ref, String topic, String side, String code) {}

    private final MeterRegistry registry;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    public EventbusMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The published count and latency of one instance+topic, looked up once for a publisher to keep. */
    public record PublishMeters(Counter published, Timer latency) {

        public void published(long latencyNanos) {
            published.increment();
            latency.record(latencyNanos, TimeUnit.NANOSECONDS);
        }
    }

    public PublishMeters publishMeters(InstanceRef ref, String topic) {
        return new PublishMeters(
                counter(new Key(PUBLISHED, ref, topic, null, null)),
                timers.computeIfAbsent(
                        new Key(PUBLISH_LATENCY, ref, topic, null, null),
                        key -> Timer.builder(PUBLISH_LATENCY)
                                .description("Time until the broker acknowledged a published event")
                                .tags(tags(key))
                                .publishPercentileHistogram()
                                .register(registry)));
    }

    public void consumed(InstanceRef ref, String topic) {
        counter(new Key(CONSUMED, ref, topic, null, null)).increment();
    }

    /** A publish that failed ({@code side=publish}) or a received event its route did not complete ({@code consume}). */
    public void failed(InstanceRef ref, String topic, String side, String code) {
        counter(new Key(FAILED, ref, topic, side, code)).increment();
    }

    public void deadLettered(InstanceRef ref, String topic) {
        counter(new Key(DEAD_LETTERED, ref, topic, null, null)).increment();
    }

    /** Events waiting at the broker for one subscription; -1 while unknown. */
    public void lag(InstanceRef ref, String topic, LongSupplier waiting) {
        Gauge.builder(LAG, waiting, supplier -> supplier.getAsLong())
                .strongReference(true)
                .description("Events waiting at the broker for a subscription (Kafka: end minus committed offsets; "
                        + "SQS: approximate visible messages); -1 while unknown")
                .tags(tags(new Key(LAG, ref, topic, null, null)))
                .register(registry);
    }

    private Counter counter(Key key) {
        return counters.computeIfAbsent(
                key, k -> Counter.builder(k.name()).tags(tags(k)).register(registry));
    }

    private static Tags tags(Key key) {
        Tags tags = Tags.of(
                "tenant", key.ref().tenant(),
                "environment", key.ref().environment(),
                "instance", key.ref().instance(),
                "topic", key.topic());
        if (key.side() != null) {
            tags = tags.and("side", key.side());
        }
        return key.code() != null ? tags.and("code", key.code()) : tags;
    }
}
