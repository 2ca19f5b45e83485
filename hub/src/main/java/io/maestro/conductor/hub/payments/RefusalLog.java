package io.maestro.conductor.hub.payments;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs refused webhook deliveries at most once per interval, with how many were left out since the last line: a
 * flood of forged deliveries shows as a rate, not as a full disk.
 */
final class RefusalLog {

    private final Logger log;
    private final long intervalMillis;
    private final AtomicLong nextLineAt = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    RefusalLog(Logger log, long intervalMillis) {
        this.log = log;
        this.intervalMillis = intervalMillis;
    }

    /** @param tenant the tenant when it is known to have payments instances there, else null (never echo a guess) */
    void refused(String tenant, String environment, String reason) {
        long now = System.currentTimeMillis();
        long due = nextLineAt.get();
        if (now < due || !nextLineAt.compareAndSet(due, now + intervalMillis)) {
            suppressed.incrementAndGet();
            return;
        }
        log.warn(
                "event=payments_webhook_refused tenant={} environment={} reason=\"{}\" suppressed_since_last={}",
                tenant == null ? "-" : tenant,
                environment == null ? "-" : environment,
                reason,
                suppressed.getAndSet(0));
    }
}
