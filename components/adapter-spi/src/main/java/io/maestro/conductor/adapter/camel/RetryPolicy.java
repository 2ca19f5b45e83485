package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.config.ConfigType;
import io.maestro.conductor.adapter.config.ConfigValidator;
import io.maestro.conductor.adapter.config.InstanceConfigDef;
import java.time.Duration;
import java.util.function.IntFunction;

/**
 * How an adapter retries its backend's transient failures ({@link AdapterException#isTransient()}: no answer,
 * throttling, 5xx) within one call: up to {@code maxRetries} more attempts, waiting {@code initialBackoff} before the
 * first and doubling up to {@link #MAX_BACKOFF}. A failure that carries the backend's {@code Retry-After}
 * ({@link AdapterException#retryAfter()}) waits at least that long; one that asks for more than {@link #MAX_BACKOFF}
 * ends the call at once (holding the caller's thread that long would be worse than failing: a route's error handler
 * or the next run retries later). Any other failure ends the call at once.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff) {

    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** The instance config keys of an adapter whose calls retry: how many retries, and the first wait. */
    public static final String MAX_RETRIES = "maxRetries";

    public static final String INITIAL_BACKOFF_MILLIS = "initialBackoffMillis";

    /** Declares {@value #MAX_RETRIES} (0–10, default 3) and {@value #INITIAL_BACKOFF_MILLIS} (10–60000, 500) on {@code config}. */
    public static InstanceConfigDef defineKeys(InstanceConfigDef config) {
        return config.define(
                        MAX_RETRIES,
                        ConfigType.INT,
                        3,
                        ConfigValidator.range(0, 10),
                        "Retries after no answer, 408, 429 or 5xx, with exponential backoff")
                .define(
                        INITIAL_BACKOFF_MILLIS,
                        ConfigType.INT,
                        500,
                        ConfigValidator.range(10, 60000),
                        "The wait before the first retry, doubled for each next one (at most 30 s)");
    }

    public RetryPolicy {
        if (maxRetries < 0 || initialBackoff.isNegative()) {
            throw new IllegalArgumentException("retries and backoff must not be negative");
        }
    }

    /** The wait before retry {@code retry} (1-based): doubling from the initial backoff, capped. */
    public Duration backoff(int retry) {
        long millis = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /**
     * Runs {@code attempt} (given its 1-based number) until it answers, throws a failure that is not transient, or
     * the retries are spent: then the last failure leaves. An interrupt ends the waiting, not the attempts.
     */
    public <T> T run(IntFunction<T> attempt) {
        AdapterException last = null;
        for (int number = 1; number <= maxRetries + 1; number++) {
            if (number > 1) {
                pause(wait(number - 1, last));
            }
            try {
                return attempt.apply(number);
            } catch (AdapterException failed) {
                if (!failed.isTransient()
                        || (failed.retryAfter() != null && failed.retryAfter().compareTo(MAX_BACKOFF) > 0)) {
                    throw failed;
                }
                last = failed;
            }
        }
        throw last;
    }

    /** The wait before retry {@code retry}: the backoff, or the failure's {@code Retry-After} when that is longer. */
    Duration wait(int retry, AdapterException failure) {
        Duration backoff = backoff(retry);
        Duration asked = failure == null ? null : failure.retryAfter();
        return asked != null && asked.compareTo(backoff) > 0 ? asked : backoff;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
