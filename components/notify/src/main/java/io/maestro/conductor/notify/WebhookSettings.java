package io.maestro.conductor.notify;

import java.net.URI;
import java.time.Duration;

/**
 * One webhook instance's non-secret settings.
 *
 * @param endpoint       the receiver; plain http only on a loopback address
 * @param maxRetries     retries after the first attempt of a delivery the receiver may take later
 * @param initialBackoff the wait before the first retry, doubled each time up to {@link #MAX_BACKOFF}
 */
record WebhookSettings(URI endpoint, int maxRetries, Duration initialBackoff, Duration timeout) {

    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    WebhookSettings {
        if (!"https".equals(endpoint.getScheme()) && !"http".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("the webhook endpoint must be http(s)");
        }
        if ("http".equals(endpoint.getScheme()) && !Loopback.is(endpoint.getHost())) {
            throw new IllegalArgumentException("a plain-http webhook endpoint must be a loopback address");
        }
        if (endpoint.getUserInfo() != null) {
            throw new IllegalArgumentException("the webhook endpoint must not carry credentials");
        }
    }

    /** The wait before retry {@code retry} (1-based): doubling from the initial backoff, capped. */
    Duration backoff(int retry) {
        long millis = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }
}
