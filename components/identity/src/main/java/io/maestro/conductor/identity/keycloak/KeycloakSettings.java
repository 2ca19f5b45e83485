package io.maestro.conductor.identity.keycloak;

import io.maestro.conductor.identity.provisioning.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A Keycloak realm administered through its admin REST API: the server's base URI ({@code admin/realms/<realm>} and
 * {@code realms/<realm>/protocol/openid-connect/token} below it), the realm, and the confidential client whose
 * service account holds the realm-management roles (client credentials grant). {@link #toString()} never shows
 * the secret.
 */
public record KeycloakSettings(
        URI baseUri, String realm, String clientId, String clientSecret, Duration timeout, RetryPolicy retry) {

    public KeycloakSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        String base = baseUri.toString();
        baseUri = URI.create(base.endsWith("/") ? base : base + "/");
    }

    public static KeycloakSettings of(URI baseUri, String realm, String clientId, String clientSecret) {
        return new KeycloakSettings(
                baseUri, realm, clientId, clientSecret, Duration.ofSeconds(10), RetryPolicy.defaults());
    }

    public KeycloakSettings withRetry(RetryPolicy policy) {
        return new KeycloakSettings(baseUri, realm, clientId, clientSecret, timeout, policy);
    }

    @Override
    public String toString() {
        return "KeycloakSettings[baseUri=" + baseUri + ", realm=" + realm + ", clientId=" + clientId
                + ", clientSecret=****, timeout=" + timeout + ", retry=" + retry + "]";
    }
}
