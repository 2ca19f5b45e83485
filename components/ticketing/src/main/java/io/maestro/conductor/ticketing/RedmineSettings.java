package io.maestro.conductor.ticketing;

import io.maestro.conductor.adapter.camel.RetryPolicy;
import java.net.URI;
import java.time.Duration;

/**
 * One Redmine instance's non-secret settings.
 *
 * @param endpoint       Redmine's base URL (http only on a loopback address), without credentials
 * @param project        the project's identifier: every ticket of the instance lives there
 * @param trackerId      the tracker new tickets get, or null for the project's default
 * @param closedStatusId the status close sets, or null for Redmine's status named Closed (else its first closed one)
 * @param maxRetries     retries after no answer, 408, 429 or 5xx
 * @param initialBackoff the wait before the first retry, doubled each time ({@link RetryPolicy})
 */
record RedmineSettings(
        URI endpoint,
        String project,
        Integer trackerId,
        Integer closedStatusId,
        int maxRetries,
        Duration initialBackoff,
        Duration timeout) {

    RedmineSettings {
        String scheme = endpoint.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("the Redmine endpoint must be http(s)");
        }
        if ("http".equals(scheme) && !isLoopback(endpoint.getHost())) {
            throw new IllegalArgumentException("a plain-http Redmine endpoint must be a loopback address");
        }
        if (endpoint.getUserInfo() != null || endpoint.getQuery() != null || endpoint.getFragment() != null) {
            throw new IllegalArgumentException("the Redmine endpoint must be a base URL without credentials or query");
        }
    }

    /** {@code path} (e.g. {@code /issues.json?x=1}) under the base URL, which may itself have a path. */
    URI resolve(String path) {
        String base = endpoint.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    RetryPolicy retry() {
        return new RetryPolicy(maxRetries, initialBackoff);
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }
}
