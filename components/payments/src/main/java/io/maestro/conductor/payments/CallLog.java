package io.maestro.conductor.payments;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
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
        unlessInMdc(event, "tenant", entry.context().tenant());
        unlessInMdc(event, "environment", entry.context().environment());
        unlessInMdc(event, "instance", entry.context().instance());
        unlessInMdc(event, "correlationId", entry.context().correlationId());
        return event.addKeyValue("action", entry.action())
                .addKeyValue("attempts", attempts)
                .addKeyValue("durationMs", took.toMillis())
                .addKeyValue("idempotencyKey", entry.idempotencyKey())
                .addKeyValue(
                        "payload", PaymentsMasking.maskParams(entry.params()).toString());
    }

    /**
     * A call made through a {@code payments:} endpoint runs inside the adapter SPI's MDC, which names the tenant,
     * environment, instance and correlation id already; the structured (ECS) log refuses a key twice and would drop
     * the whole line, so those come from the MDC then.
     */
    private static void unlessInMdc(LoggingEventBuilder event, String key, String value) {
        if (MDC.get(key) == null) {
            event.addKeyValue(key, value);
        }
    }
}
