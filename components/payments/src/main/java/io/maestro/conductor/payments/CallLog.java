package io.maestro.conductor.payments;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One line per Stripe call (after its retries): tenant, environment, instance, action, correlation id, outcome,
 * attempts, HTTP status, Stripe's request id, the idempotency key (a hash) and the masked parameters, as key-value
 * pairs for the structured JSON log.
 */
final class CallLog {

    static final String LOGGER = "io.maestro.conductor.payments.calls";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private CallLog() {}

    record Entry(CallContext context, String action, Map<String, ?> params, String idempotencyKey) {}

    static void success(Entry entry, int attempts, String requestId, Duration took) {
        builder(LOG.atInfo(), entry, attempts, took)
                .addKeyValue("outcome", "success")
                .addKeyValue("requestId", requestId)
                .log(
                        "payments {} succeeded for tenant {}",
                        entry.action(),
                        entry.context().tenant());
    }

    static void failure(Entry entry, int attempts, PaymentsException error, Duration took) {
        builder(LOG.atWarn(), entry, attempts, took)
                .addKeyValue("outcome", "error")
                .addKeyValue("errorCode", error.code().name())
                .addKeyValue("stripeType", error.stripeType())
                .addKeyValue("stripeCode", error.stripeCode())
                .addKeyValue("httpStatus", error.httpStatus())
                .addKeyValue("requestId", error.requestId())
                .log(
                        "payments {} failed for tenant {}: {}",
                        entry.action(),
                        entry.context().tenant(),
                        error.code());
    }

    private static LoggingEventBuilder builder(LoggingEventBuilder event, Entry entry, int attempts, Duration took) {
        return event.addKeyValue("tenant", entry.context().tenant())
                .addKeyValue("environment", entry.context().environment())
                .addKeyValue("instance", entry.context().instance())
                .addKeyValue("correlationId", entry.context().correlationId())
                .addKeyValue("action", entry.action())
                .addKeyValue("attempts", attempts)
                .addKeyValue("durationMs", took.toMillis())
                .addKeyValue("idempotencyKey", entry.idempotencyKey())
                .addKeyValue(
                        "payload", PaymentsMasking.maskParams(entry.params()).toString());
    }
}
