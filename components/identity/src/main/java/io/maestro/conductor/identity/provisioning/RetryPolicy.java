package io.maestro.conductor.identity.provisioning;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries on 429, 5xx and no answer: up to {@code maxAttempts} tries in all. The wait is the server's
 * {@code Retry-After} when it sends one (never longer than {@code maxRetryAfter}: a server asking for more makes the
 * call fail at once instead of holding a route's thread), otherwise exponential from {@code initialBackoff}, capped
 * at {@code maxBackoff}, with jitter (half to all of it) so clients retrying together spread out.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** 4 attempts, 200 ms doubling to 5 s, Retry-After honoured up to 30 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** The wait before attempt {@code failedAttempt + 1} when the server gave no Retry-After. */
    public Duration backoff(int failedAttempt) {
        long base = initialBackoff.toMillis() << Math.min(failedAttempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
