package io.maestro.conductor.payments;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before repeating a call Stripe may accept later (no answer, 409, 429, 5xx):
 * exponential backoff with full jitter, as Stripe recommends for rate limits, capped.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    /** stripe-java's own defaults for its network retries (0.5 s doubling to 5 s), with three retries. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(5));

    public RetryPolicy {
        if (maxRetries < 0 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retries >= 0 and 0 <= initial backoff <= max backoff");
        }
    }

    /** The pause before retry number {@code retry} (1-based): random in [0, min(max, initial * 2^(retry-1))]. */
    Duration backoff(int retry) {
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(retry - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
