package io.maestro.conductor.notary;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * A tenant's Ed25519 signing key, derived from the secret the tenant's notary instance names (the secret vault holds
 * the only copy: nothing else to store, back up or leak). Its key id is the public key's JWK thumbprint (RFC 7638),
 * so rotating the secret is rotating the key: the next signature carries a new {@code kid}, and every old signature
 * still verifies with the public key kept beside it.
 */
final class TenantSigningKey {

    static final int MIN_SECRET_LENGTH = 32;
    /** Domain separation: the same secret used for anything else never yields this key. */
    private static final String DERIVATION = "conductor-notary-ed25519-v1\0";

    private final OctetKeyPair key;
    private final Ed25519Signer signer;

    private TenantSigningKey(OctetKeyPair key) throws JOSEException {
        this.key = key;
        this.signer = new Ed25519Signer(key);
    }

    static TenantSigningKey derive(Secret secret, String instanceId) {
        String material = secret.reveal();
        if (material.length() < MIN_SECRET_LENGTH) {
            throw new AdapterException(
                    NotaryErrorCode.NOTARY_KEY_INVALID,
                    instanceId,
                    "the signing key secret is shorter than " + MIN_SECRET_LENGTH + " characters");
        }
        try {
            byte[] seed = MessageDigest.getInstance("SHA-256")
                    .digest((DERIVATION + material).getBytes(StandardCharsets.UTF_8));
            Ed25519Sign.KeyPair pair = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed);
            OctetKeyPair key = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(pair.getPublicKey()))
                    .d(Base64URL.encode(pair.getPrivateKey()))
                    .keyIDFromThumbprint()
                    .build();
            return new TenantSigningKey(key);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Ed25519 key derivation failed", e);
        }
    }

    String keyId() {
        return key.getKeyID();
    }

    /** The public half as a JWK (JSON), kept with every signature so it verifies after the key rotated. */
    String publicJwk() {
        return key.toPublicJWK().toJSONString();
    }

    /** A JWS (EdDSA) over {@code content}, compact with the payload detached (RFC 7515 appendix F). */
    String sign(byte[] content) {
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(keyId()).build(), new Payload(content));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
        return jws.serialize(true);
    }
}
