package io.maestro.conductor.notify;

import io.maestro.conductor.adapter.camel.RetryPolicy;
import java.net.URI;
import java.time.Duration;

/**
 * One webhook instance's non-secret settings.
 *
 * @param endpoint       the receiver; plain http only on a loopback address
 * @param maxRetries     retries after the first attempt of a delivery the receiver may take later
 * @param initialBackoff the wait before the first retry, doubled each time ({@link RetryPolicy})
 */
record WebhookSettings(URI endpoint, int maxRetries, Duration initialBackoff, Duration timeout) {

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

    RetryPolicy retry() {
        return new RetryPolicy(maxRetries, initialBackoff);
    }
}
