package io.maestro.conductor.identity.oidc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;

/**
 * One tenant's identity provider: endpoints resolved once (settings, else discovery), a {@link TokenValidator} over
 * its JWKS, userinfo and attribute mapping. Built once per instance configuration and shared by all calls.
 */
public final class OidcProvider {

    private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() {};

    private final ProviderMetadata metadata;
    private final TokenValidator validator;
    private final AttributeMapper attributes;
    private final ProviderHttp http;

    private OidcProvider(
            ProviderMetadata metadata, TokenValidator validator, AttributeMapper attributes, ProviderHttp http) {
        this.metadata = metadata;
        this.validator = validator;
        this.attributes = attributes;
        this.http = http;
    }

    /**
     * Reads discovery when an endpoint is not configured ({@code IDP_UNAVAILABLE} / {@code IDP_RESPONSE_INVALID}
     * when that fails); the JWKS itself is fetched on the first validation.
     */
    public static OidcProvider connect(OidcSettings settings, ClaimMapping mapping, HttpClient httpClient) {
        ProviderHttp http = new ProviderHttp(httpClient, settings.httpTimeout());
        ProviderMetadata metadata = OidcDiscovery.resolve(settings, http);
        TokenValidator validator =
                new TokenValidator(settings, new JwksKeySource(metadata.jwksUri(), settings), Clock.systemUTC());
        return new OidcProvider(metadata, validator, new AttributeMapper(mapping), http);
    }

    public ProviderMetadata metadata() {
        return metadata;
    }

    public TokenValidator validator() {
        return validator;
    }

    /** validate_token. */
    public ValidatedToken validate(String token) {
        return validator.validate(token);
    }

    /**
     * fetch_claims: validates the token, then asks the userinfo endpoint with it. The answer's {@code sub} must be
     * the token's (OpenID Connect Core §5.3.2), or the answer is refused.
     */
    public Map<String, Object> userInfo(String token) {
        ValidatedToken validated = validator.validate(token);
        URI endpoint = metadata.userInfoEndpoint();
        if (endpoint == null) {
            throw new IdentityException(
                    IdentityErrorCode.IDP_RESPONSE_INVALID, "the provider has no userinfo endpoint");
        }
        JsonNode answer = http.getJson(endpoint, token, "userinfo");
        String subject = answer.path("sub").asText("");
        if (!subject.equals(validated.subject())) {
            throw new IdentityException(
                    IdentityErrorCode.IDP_RESPONSE_INVALID, "userinfo answered for another subject than the token's");
        }
        return ProviderHttp.json().convertValue(answer, CLAIMS);
    }

    /** map_attributes: validates the token and maps its claims. */
    public IdentityAttributes attributes(String token) {
        ValidatedToken validated = validator.validate(token);
        return attributes.map(validated.subject(), validated.claims());
    }

    /** map_attributes over claims already validated (e.g. userinfo's merged with the token's). */
    public IdentityAttributes attributes(String subject, Map<String, Object> claims) {
        return attributes.map(subject, claims);
    }
}
