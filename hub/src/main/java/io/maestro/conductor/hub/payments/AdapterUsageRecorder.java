package io.maestro.conductor.hub.payments;

import io.maestro.conductor.adapter.metrics.AdapterMetrics;
import io.maestro.conductor.payments.billing.BillingPeriod;
import io.maestro.conductor.payments.billing.UsageCount;
import io.maestro.conductor.payments.billing.UsageStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Feeds the usage table from the adapter metrics: every {@code conductor.billing.usage-flush-interval} the growth
 * of each {@code conductor.adapter.requests} counter (calls that reached the adapter; denied ones are not billed) is
 * added to the tenant's row for the current period, environment and {@code adapter:<category>}. The hot path pays
 * nothing beyond the counter it already increments; what a hub that dies loses is at most one interval of counts.
 * A flush that fails keeps its deltas for the next one.
 */
public class AdapterUsageRecorder {

    static final String SOURCE_PREFIX = "adapter:";
    private static final Logger LOG = LoggerFactory.getLogger(AdapterUsageRecorder.class);

    private record Row(String tenant, String environment, String source) {}

    private final MeterRegistry meters;
    private final UsageStore store;
    private final Clock clock;
    /** Each counter's value at the last flush that was written. */
    private final Map<Meter.Id, Double> written = new HashMap<>();

    public AdapterUsageRecorder(MeterRegistry meters, UsageStore store, Clock clock) {
        this.meters = meters;
        this.store = store;
        this.clock = clock;
    }

    /** @return how many rows were added to */
    @Scheduled(fixedDelayString = "${conductor.billing.usage-flush-interval:10s}")
    public synchronized int flush() {
        BillingPeriod period = BillingPeriod.containing(clock.instant());
        Map<Row, Long> deltas = new HashMap<>();
        Map<Meter.Id, Double> reading = new HashMap<>();
        for (Counter counter : meters.find(AdapterMetrics.REQUESTS).counters()) {
            Meter.Id id = counter.getId();
            if (AdapterMetrics.DENIED.equals(id.getTag("outcome"))) {
                continue;
            }
            double now = counter.count();
            long delta = (long) (now - written.getOrDefault(id, 0.0));
            if (delta > 0) {
                reading.put(id, now);
                deltas.merge(
                        new Row(id.getTag("tenant"), id.getTag("environment"), SOURCE_PREFIX + id.getTag("category")),
                        delta,
                        Long::sum);
            }
        }
        List<UsageCount> rows = new ArrayList<>(deltas.size());
        deltas.forEach(
                (row, delta) -> rows.add(new UsageCount(row.tenant(), row.environment(), period, row.source(), delta)));
        try {
            store.add(rows);
        } catch (RuntimeException e) {
            LOG.warn("event=usage_flush_failed rows={} error={}", rows.size(), e.getMessage());
            return 0;
        }
        written.putAll(reading);
        return rows.size();
    }
}
