package io.maestro.conductor.sandbox.stripe;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Stripe's idempotent requests: the first result of a POST with an {@code Idempotency-Key} is kept for 24 hours;
 * the same key with the same endpoint and parameters answers that result again ({@code Idempotent-Replayed: true}),
 * with anything else it is an {@code idempotency_error}. A request refused before it ran (validation) keeps nothing.
 */
final class IdempotencyCache {

    static final int MAX_KEY_LENGTH = 255;
    private static final long RETENTION = Duration.ofHours(24).toSeconds();

    record Result(String fingerprint, int status, String body, long storedAt) {}

    private final Map<String, Result> results = new LinkedHashMap<>();

    /** The earlier result for this key, or null; throws when the key was used for another request. */
    Result replay(String key, String fingerprint, long now) {
        // Insertion order is storage order: expired results are at the head.
        Iterator<Result> oldestFirst = results.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().storedAt <= now - RETENTION) {
            oldestFirst.remove();
        }
        Result earlier = results.get(key);
        if (earlier != null && !Objects.equals(earlier.fingerprint, fingerprint)) {
            throw new StripeApiException(
                    400,
                    "idempotency_error",
                    null,
                    "Keys for idempotent requests can only be "
                            + "used with the same parameters they were first used with. Try using a key other than '"
                            + key
                            + "' if you meant to execute a different request.",
                    null);
        }
        return earlier;
    }

    void store(String key, String fingerprint, int status, String body, long now) {
        results.put(key, new Result(fingerprint, status, body, now));
    }
}
