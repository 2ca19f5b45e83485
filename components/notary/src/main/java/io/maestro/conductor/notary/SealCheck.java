package io.maestro.conductor.notary;

/**
 * The result of checking a {@link Seal} against content.
 *
 * @param signatureValid the JWS verifies over the content with the kept public key, and its {@code kid} is that
 *                       key's thumbprint
 * @param timestamp      the RFC 3161 token's check
 * @param problem        the first reason it is not valid, or null
 */
public record SealCheck(String keyId, boolean signatureValid, TimestampCheck timestamp, String problem) {

    public boolean valid() {
        return signatureValid && timestamp.valid();
    }
}
