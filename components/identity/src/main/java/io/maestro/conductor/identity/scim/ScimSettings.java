package io.maestro.conductor.identity.scim;

import io.maestro.conductor.identity.provisioning.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A SCIM 2.0 service provider: base URI (endpoints are {@code Users}, {@code Groups} below it), the bearer token
 * (a resolved secret: {@link #toString()} never shows it), request timeout and retries.
 */
public record ScimSettings(URI baseUri, String bearerToken, Duration timeout, RetryPolicy retry) {

    public ScimSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(bearerToken, "bearerToken");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        String base = baseUri.toString();
        baseUri = URI.create(base.endsWith("/") ? base : base + "/");
    }

    public static ScimSettings of(URI baseUri, String bearerToken) {
        return new ScimSettings(baseUri, bearerToken, Duration.ofSeconds(10), RetryPolicy.defaults());
    }

    public ScimSettings withRetry(RetryPolicy policy) {
        return new ScimSettings(baseUri, bearerToken, timeout, policy);
    }

    @Override
    public String toString() {
        return "ScimSettings[baseUri=" + baseUri + ", bearerToken=****, timeout=" + timeout + ", retry=" + retry + "]";
    }
}
