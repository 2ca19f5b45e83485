package io.maestro.conductor.policy.pdp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration of the decision point. As properties (see {@link #fromProperties}), under the application's
 * prefix (the hub uses {@code conductor.policy.}):
 * <pre>
 * mode            embedded (default) | opa
 * bundle-dirs     comma-separated bundle directories (embedded mode)
 * poll-interval   how often bundles are checked for changes (default 2s)
 * eval-timeout    bound of one embedded evaluation (default 1s)
 * decision-cache-size  decisions the embedded engine keeps for reuse (default 10000; 0 = off)
 * opa.url         base URL of the remote OPA (opa mode)
 * opa.timeout     connect and response timeout of one attempt (default 2s)
 * opa.retries     redeliveries after a transient failure (default 2)
 * opa.backoff     first redelivery delay, doubled each time (default 50ms)
 * opa.username / opa.password   HTTP Basic credentials; or opa.token for a bearer token
 * </pre>
 * Durations are {@code 500ms}, {@code 2s}, {@code 1m} or ISO-8601 ({@code PT2S}).
 */
public record PolicySettings(
        String mode,
        List<Path> bundleDirs,
        Duration pollInterval,
        Duration evalTimeout,
        int decisionCacheSize,
        OpaSettings opa) {
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_EVAL_TIMEOUT = Duration.ofSeconds(1);
    public static final int DEFAULT_DECISION_CACHE_SIZE = 10_000;

    public PolicySettings {
        if (!EmbeddedDecisionPoint.MODE.equals(mode) && !OpaDecisionPoint.MODE.equals(mode)) {
            throw new IllegalArgumentException("mode must be embedded or opa, got " + mode);
        }
        if (OpaDecisionPoint.MODE.equals(mode) && opa == null) {
            throw new IllegalArgumentException("mode opa needs opa.url");
        }
        if (decisionCacheSize < 0) {
            throw new IllegalArgumentException("decision-cache-size must be 0 or more, got " + decisionCacheSize);
        }
        bundleDirs = List.copyOf(bundleDirs);
    }

    public static PolicySettings embedded(List<Path> bundleDirs) {
        return new PolicySettings(
                EmbeddedDecisionPoint.MODE,
                bundleDirs,
                DEFAULT_POLL_INTERVAL,
                DEFAULT_EVAL_TIMEOUT,
                DEFAULT_DECISION_CACHE_SIZE,
                null);
    }

    public static PolicySettings opa(OpaSettings opa) {
        return new PolicySettings(
                OpaDecisionPoint.MODE,
                List.of(),
                DEFAULT_POLL_INTERVAL,
                DEFAULT_EVAL_TIMEOUT,
                DEFAULT_DECISION_CACHE_SIZE,
                opa);
    }

    /** Reads the keys listed above (without prefix); relative bundle directories resolve against {@code base}. */
    public static PolicySettings fromProperties(Map<String, String> properties, Path base) {
        String mode = properties
                .getOrDefault("mode", EmbeddedDecisionPoint.MODE)
                .trim()
                .toLowerCase(Locale.ROOT);
        List<Path> dirs = Arrays.stream(
                        properties.getOrDefault("bundle-dirs", "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> base.resolve(s).normalize())
                .toList();
        String url = properties.get("opa.url");
        OpaSettings opa = url == null || url.isBlank()
                ? null
                : new OpaSettings(
                        url.trim(),
                        duration(properties, "opa.timeout", Duration.ofSeconds(2)),
                        integer(properties, "opa.retries", 2),
                        duration(properties, "opa.backoff", Duration.ofMillis(50)),
                        blankToNull(properties.get("opa.username")),
                        blankToNull(properties.get("opa.password")),
                        blankToNull(properties.get("opa.token")));
        return new PolicySettings(
                mode,
                dirs,
                duration(properties, "poll-interval", DEFAULT_POLL_INTERVAL),
                duration(properties, "eval-timeout", DEFAULT_EVAL_TIMEOUT),
                integer(properties, "decision-cache-size", DEFAULT_DECISION_CACHE_SIZE),
                opa);
    }

    static Duration parseDuration(String key, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) return Duration.parse(t.toUpperCase(Locale.ROOT));
            if (t.endsWith("ms"))
                return Duration.ofMillis(
                        Long.parseLong(t.substring(0, t.length() - 2).trim()));
            if (t.endsWith("s"))
                return Duration.ofSeconds(
                        Long.parseLong(t.substring(0, t.length() - 1).trim()));
            if (t.endsWith("m"))
                return Duration.ofMinutes(
                        Long.parseLong(t.substring(0, t.length() - 1).trim()));
            return Duration.ofMillis(Long.parseLong(t));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 500ms or 2s, got '" + text + "'");
        }
    }

    private static Duration duration(Map<String, String> properties, String key, Duration fallback) {
        String text = properties.get(key);
        return text == null || text.isBlank() ? fallback : parseDuration(key, text);
    }

    private static int integer(Map<String, String> properties, String key, int fallback) {
        String text = properties.get(key);
        if (text == null || text.isBlank()) return fallback;
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + text + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
