package io.maestro.conductor.identity;

import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.CONFLICT;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.FAILED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.INVALID;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.NOT_FOUND;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.REFUSED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.UNREACHABLE;

import io.maestro.conductor.adapter.AdapterErrorCode;

/**
 * The codes of identity calls, beside the SPI's own ({@code SpiErrorCode}). Token refusals are kind
 * {@code REFUSED} and answered 401 by an API. Codes are part of the API (routes and runbooks match on them): never
 * rename one.
 */
public enum IdentityErrorCode implements AdapterErrorCode {
    /** No token was presented. */
    TOKEN_MISSING(Spec.of(REFUSED)),
    /** Longer than the configured limit; refused before it is parsed. */
    TOKEN_TOO_LARGE(Spec.of(REFUSED)),
    /** Not a compact JWS/JWT. */
    TOKEN_MALFORMED(Spec.of(REFUSED)),
    /** {@code alg=none}, a symmetric (HS*) algorithm, an encrypted token, or any algorithm not configured. */
    TOKEN_ALGORITHM_REJECTED(Spec.of(REFUSED)),
    /** The signature does not verify with the provider's key of that {@code kid}. */
    TOKEN_SIGNATURE_INVALID(Spec.of(REFUSED)),
    /** No provider key matches (unknown {@code kid}, also when the JWKS refresh is rate-limited), or a required claim is absent. */
    TOKEN_INVALID(Spec.of(REFUSED)),
    TOKEN_EXPIRED(Spec.of(REFUSED)),
    TOKEN_NOT_YET_VALID(Spec.of(REFUSED)),
    TOKEN_AUDIENCE_MISMATCH(Spec.of(REFUSED)),
    TOKEN_ISSUER_MISMATCH(Spec.of(REFUSED)),
    /** The token lacks a scope the instance requires (config key {@code scopes}). */
    TOKEN_SCOPE_MISSING(Spec.of(REFUSED)),
    /** A claim used for attributes has the wrong shape (e.g. a tenant that is not one string). */
    CLAIM_INVALID(Spec.of(INVALID)),
    /** The identity provider (discovery, JWKS, userinfo) cannot be reached or answers 5xx. */
    IDP_UNAVAILABLE(Spec.instanceFault(UNREACHABLE)),
    /** The identity provider answered something unusable (bad discovery document, wrong issuer, unparsable JWKS). */
    IDP_RESPONSE_INVALID(Spec.instanceFault(INVALID)),
    /** The SCIM request was refused as invalid (400); the message names the SCIM {@code scimType}. */
    SCIM_REQUEST_INVALID(Spec.of(INVALID)),
    /** The SCIM service provider refused the credentials (401/403). */
    SCIM_UNAUTHORIZED(Spec.instanceFault(REFUSED)),
    SCIM_NOT_FOUND(Spec.of(NOT_FOUND)),
    /** 409, e.g. {@code scimType} {@code uniqueness}. */
    SCIM_CONFLICT(Spec.of(CONFLICT)),
    /** 429/5xx or no answer, after the retries (also when the provider asks to wait longer than allowed). */
    SCIM_UNAVAILABLE(Spec.instanceFault(UNREACHABLE)),
    /** The SCIM service provider answered something unusable. */
    SCIM_RESPONSE_INVALID(Spec.instanceFault(FAILED));

    private final Spec spec;

    IdentityErrorCode(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
