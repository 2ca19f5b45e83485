package io.maestro.conductor.hub.payments;

import io.maestro.conductor.payments.SqlProcessedWebhookEvents;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Forgets processed webhook event ids older than {@code conductor.payments.webhook-retention}, hourly. */
public class WebhookEventRetention {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEventRetention.class);

    private final SqlProcessedWebhookEvents processed;
    private final Duration retention;
    private final Clock clock;

    public WebhookEventRetention(SqlProcessedWebhookEvents processed, Duration retention, Clock clock) {
        this.processed = processed;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
    public void forgetOld() {
        int forgotten = processed.forgetBefore(clock.instant().minus(retention));
        if (forgotten > 0) {
            LOG.info("event=payments_webhook_ids_forgotten count={}", forgotten);
        }
    }
}
