package io.maestro.conductor.identity.oidc;

import java.net.URI;

/** The endpoints validation and userinfo need, from settings or from the provider's discovery document. */
public record ProviderMetadata(URI issuer, URI jwksUri, URI userInfoEndpoint) {}
