package io.maestro.conductor.policy.rego.builtins;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Ed25519 (JWS alg {@code EdDSA}) with the JDK's provider: keys from OKP JWKs (RFC 8037) and signing and
 * verification. Nimbus reads the JWK but signs Ed25519 only through Tink, which this module does not carry.
 */
final class Ed25519Keys {
    /** DER prefixes that wrap a raw 32-byte key as X.509 SubjectPublicKeyInfo and PKCS #8 (RFC 8410). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final String ALGORITHM = "Ed25519";

    private Ed25519Keys() {}

    static boolean isSigningKey(OctetKeyPair okp) {
        return Curve.Ed25519.equals(okp.getCurve());
    }

    static PublicKey publicKey(OctetKeyPair okp) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM)
                .generatePublic(
                        new X509EncodedKeySpec(wrap(SPKI_PREFIX, okp.getX().decode())));
    }

    static PrivateKey privateKey(OctetKeyPair okp) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM)
                .generatePrivate(
                        new PKCS8EncodedKeySpec(wrap(PKCS8_PREFIX, okp.getD().decode())));
    }

    /** A PEM public key's DER as an Ed25519 key, or null when it is another kind of key. */
    static PublicKey fromSpki(byte[] der) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    static boolean verify(PublicKey key, byte[] input, byte[] signature) {
        if (!(key instanceof EdECPublicKey)) return false;
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(input);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static byte[] sign(PrivateKey key, byte[] input) throws GeneralSecurityException {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(key);
        s.update(input);
        return s.sign();
    }

    private static byte[] wrap(byte[] prefix, byte[] raw) throws GeneralSecurityException {
        if (raw.length != 32) throw new GeneralSecurityException("an Ed25519 key has 32 bytes");
        byte[] out = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(raw, 0, out, prefix.length, raw.length);
        return out;
    }
}
