package io.maestro.conductor.policy.pdp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * How to reach a remote OPA.
 *
 * @param url      base URL, e.g. {@code http://127.0.0.1:8181}
 * @param timeout  connect and response timeout of one attempt
 * @param retries  redeliveries after a transient failure (5xx, refused connection); 0 for none
 * @param backoff  delay before the first redelivery, doubled for each next one
 * @param username HTTP Basic user (e.g. the hub's operator), or null for none
 * @param password its password; never logged
 * @param token    a bearer token instead of Basic (OPA's {@code --authentication=token}), or null
 */
public record OpaSettings(
        String url, Duration timeout, int retries, Duration backoff, String username, String password, String token) {

    public OpaSettings {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("opa.url must be an http(s) URL");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("opa.timeout must be positive");
        }
        if (retries < 0) throw new IllegalArgumentException("opa.retries must not be negative");
        if (backoff == null || backoff.isNegative())
            throw new IllegalArgumentException("opa.backoff must not be negative");
        if (username != null && token != null)
            throw new IllegalArgumentException("give opa.username or opa.token, not both");
    }

    public static OpaSettings of(String url, Duration timeout, int retries) {
        return new OpaSettings(url, timeout, retries, Duration.ofMillis(50), null, null, null);
    }

    public OpaSettings withBasicAuth(String user, String pass) {
        return new OpaSettings(url, timeout, retries, backoff, user, pass, null);
    }

    Optional<String> authorizationHeader() {
        if (token != null) return Optional.of("Bearer " + token);
        if (username == null) return Optional.empty();
        String pair = username + ":" + (password == null ? "" : password);
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** Never prints the password or token. */
    @Override
    public String toString() {
        return "OpaSettings[url=" + url + ", timeout=" + timeout + ", retries=" + retries + ", backoff=" + backoff
                + ", auth=" + (token != null ? "bearer" : username != null ? "basic:" + username : "none") + "]";
    }
}
