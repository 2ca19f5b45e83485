package io.maestro.conductor.notary;

import java.time.Instant;

/**
 * What the notary adds to a piece of content (a receipt's canonical JSON, a manifest): who signed it and when a TSA
 * saw it. Verifying needs only this and the content ({@link SealVerifier}), offline.
 *
 * @param keyId          the signing key's JWK thumbprint
 * @param signature      JWS compact serialisation, payload detached
 * @param publicJwk      the signing key's public JWK (JSON)
 * @param timestampToken the RFC 3161 TimeStampToken (DER) over the content's SHA-256
 * @param timestampedAt  the token's genTime
 */
public record Seal(String keyId, String signature, String publicJwk, byte[] timestampToken, Instant timestampedAt) {}
