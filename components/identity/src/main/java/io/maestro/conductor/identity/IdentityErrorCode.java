package io.maestro.conductor.identity;

/**
 * Stable codes of identity failures, with the HTTP status an API answers them with. Codes are part of the API
 * (routes and runbooks match on them): never rename one.
 */
public enum IdentityErrorCode {
    /** No token was presented. */
    TOKEN_MISSING(401, false, false),
    /** Longer than the configured limit; refused before it is parsed. */
    TOKEN_TOO_LARGE(401, false, false),
    /** Not a compact JWS/JWT. */
    TOKEN_MALFORMED(401, false, false),
    /** {@code alg=none}, a symmetric (HS*) algorithm, an encrypted token, or any algorithm not configured. */
    TOKEN_ALGORITHM_REJECTED(401, false, false),
    /** The signature does not verify with the provider's key of that {@code kid}. */
    TOKEN_SIGNATURE_INVALID(401, false, false),
    /** No provider key matches (unknown {@code kid}, also when the JWKS refresh is rate-limited), or a required claim is absent. */
    TOKEN_INVALID(401, false, false),
    TOKEN_EXPIRED(401, false, false),
    TOKEN_NOT_YET_VALID(401, false, false),
    TOKEN_AUDIENCE_MISMATCH(401, false, false),
    TOKEN_ISSUER_MISMATCH(401, false, false),
    /** A claim used for attributes has the wrong shape (e.g. a tenant that is not one string). */
    CLAIM_INVALID(401, false, false),
    /** The identity provider (discovery, JWKS, userinfo) cannot be reached or answers 5xx. */
    IDP_UNAVAILABLE(503, true, true),
    /** The identity provider answered something unusable (bad discovery document, wrong issuer, unparsable JWKS). */
    IDP_RESPONSE_INVALID(502, false, true),
    /** The SCIM request was refused as invalid (400); the message names the SCIM {@code scimType}. */
    SCIM_REQUEST_INVALID(400, false, false),
    /** The SCIM service provider refused the credentials (401/403). */
    SCIM_UNAUTHORIZED(502, false, true),
    SCIM_NOT_FOUND(404, false, false),
    /** 409, e.g. {@code scimType} {@code uniqueness}. */
    SCIM_CONFLICT(409, false, false),
    /** 429/5xx or no answer, after the retries. */
    SCIM_UNAVAILABLE(503, true, true),
    /** The SCIM service provider answered something unusable. */
    SCIM_RESPONSE_INVALID(502, false, true);

    private final int httpStatus;
    private final boolean transientFailure;
    private final boolean providerFault;

    IdentityErrorCode(int httpStatus, boolean transientFailure, boolean providerFault) {
        this.httpStatus = httpStatus;
        this.transientFailure = transientFailure;
        this.providerFault = providerFault;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** True when the same call may succeed later without any change. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** True when the provider, not the request, is at fault (drives health: the instance cannot serve anyone). */
    public boolean isProviderFault() {
        return providerFault;
    }
}
