package io.maestro.conductor.identity.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import java.net.URI;
import java.net.URISyntaxException;

/** Reads {@code <issuer>/.well-known/openid-configuration} (OpenID Connect Discovery 1.0, §4). */
final class OidcDiscovery {

    private OidcDiscovery() {}

    /**
     * Endpoints from settings where given, from discovery otherwise. Discovery is fetched only when one is missing;
     * its {@code issuer} must equal the configured one exactly (§4.3), or the document is refused.
     */
    static ProviderMetadata resolve(OidcSettings settings, ProviderHttp http) {
        if (settings.jwksUrl() != null && settings.userInfoUrl() != null) {
            return new ProviderMetadata(settings.issuer(), settings.jwksUrl(), settings.userInfoUrl());
        }
        String issuer = settings.issuer().toString();
        URI location = URI.create((issuer.endsWith("/") ? issuer : issuer + "/") + ".well-known/openid-configuration");
        JsonNode document = http.getJson(location, null, "OIDC discovery");
        String announced = document.path("issuer").asText("");
        if (!announced.equals(issuer)) {
            throw new IdentityException(
                    IdentityErrorCode.IDP_RESPONSE_INVALID,
                    "OIDC discovery at " + location + " announces issuer '" + announced + "', expected '" + issuer
                            + "'");
        }
        URI jwks = settings.jwksUrl() != null ? settings.jwksUrl() : endpoint(document, "jwks_uri", location, true);
        URI userInfo = settings.userInfoUrl() != null
                ? settings.userInfoUrl()
                : endpoint(document, "userinfo_endpoint", location, false);
        return new ProviderMetadata(settings.issuer(), jwks, userInfo);
    }

    private static URI endpoint(JsonNode document, String field, URI location, boolean required) {
        String value = document.path(field).asText("");
        if (value.isEmpty()) {
            if (required) {
                throw new IdentityException(
                        IdentityErrorCode.IDP_RESPONSE_INVALID, "OIDC discovery at " + location + " has no " + field);
            }
            return null;
        }
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new URISyntaxException(value, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IdentityException(
                    IdentityErrorCode.IDP_RESPONSE_INVALID,
                    "OIDC discovery at " + location + " has an invalid " + field);
        }
    }
}
