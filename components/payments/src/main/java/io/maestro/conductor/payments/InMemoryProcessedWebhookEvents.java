package io.maestro.conductor.payments;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Processed event ids held in memory for a retention period (Stripe retries a delivery for up to three days) and up
 * to a number of entries, oldest forgotten first. One hub's memory: a cluster needs a shared store.
 */
public final class InMemoryProcessedWebhookEvents implements ProcessedWebhookEvents {

    /** Stripe's retry window plus a day. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(4);

    private final Duration retention;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Long> claimedAt = new LinkedHashMap<>();

    public InMemoryProcessedWebhookEvents(Duration retention, int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.retention = retention;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public synchronized boolean claim(String tenant, String environment, String eventId) {
        long now = clock.millis();
        Iterator<Long> oldestFirst = claimedAt.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next() <= now - retention.toMillis()) {
            oldestFirst.remove();
        }
        String key = key(tenant, environment, eventId);
        if (claimedAt.containsKey(key)) {
            return false;
        }
        // Room is made only for a new id: evicting first could forget the very id being asked about.
        Iterator<String> oldest = claimedAt.keySet().iterator();
        while (claimedAt.size() >= maxEntries) {
            oldest.next();
            oldest.remove();
        }
        claimedAt.put(key, now);
        return true;
    }

    @Override
    public synchronized void release(String tenant, String environment, String eventId) {
        claimedAt.remove(key(tenant, environment, eventId));
    }

    private static String key(String tenant, String environment, String eventId) {
        return tenant + '\u0000' + environment + '\u0000' + eventId;
    }
}
