package io.maestro.conductor.policy.rego.builtins;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.X509CertUtils;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verification keys from a PEM certificate, a PEM public key, or a JWK / JWK Set (parsed with
 * Nimbus), and JWS signature checks for the RS, PS, ES and HS algorithm families and EdDSA (Ed25519).
 */
final class JwtKeys {
    /** A public key and the key id it was published under ("" when none). */
    record Key(PublicKey key, String kid) {}

    private static final Map<String, String> HASHES = Map.of("256", "SHA-256", "384", "SHA-384", "512", "SHA-512");

    private JwtKeys() {}

    static List<Key> parse(String name, String material) {
        String text = material.trim();
        if (text.startsWith("-----BEGIN CERTIFICATE-----")) {
            X509Certificate cert = X509CertUtils.parse(text);
            if (cert == null) throw BuiltinException.failed(name, "failed to parse a PEM certificate");
            return List.of(new Key(cert.getPublicKey(), ""));
        }
        if (text.startsWith("-----BEGIN PUBLIC KEY-----")) {
            return List.of(new Key(publicKey(name, text), ""));
        }
        if (text.startsWith("-----BEGIN"))
            throw BuiltinException.failed(name, "failed to extract a Key from the PEM certificate");
        try {
            List<JWK> jwks = text.contains("\"keys\"") ? JWKSet.parse(text).getKeys() : List.of(JWK.parse(text));
            List<Key> keys = new ArrayList<>();
            for (JWK jwk : jwks) {
                if (jwk instanceof OctetKeyPair okp) {
                    if (Ed25519Keys.isSigningKey(okp))
                        keys.add(new Key(Ed25519Keys.publicKey(okp), jwk.getKeyID() == null ? "" : jwk.getKeyID()));
                } else if (jwk instanceof AsymmetricJWK asymmetric) {
                    keys.add(new Key(asymmetric.toPublicKey(), jwk.getKeyID() == null ? "" : jwk.getKeyID()));
                }
            }
            return keys;
        } catch (ParseException | JOSEException | GeneralSecurityException e) {
            throw BuiltinException.failed(name, "failed to parse a JWK key (set)");
        }
    }

    private static PublicKey publicKey(String name, String pem) {
        List<Pem.Block> blocks = Pem.decodeAll(pem.getBytes(StandardCharsets.ISO_8859_1));
        if (blocks.isEmpty()) throw BuiltinException.failed(name, "failed to parse a PEM public key");
        byte[] der = blocks.get(0).bytes();
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next key type
            }
        }
        PublicKey ed25519 = Ed25519Keys.fromSpki(der);
        if (ed25519 != null) return ed25519;
        throw BuiltinException.failed(name, "failed to parse a PEM public key");
    }

    /** Whether {@code signature} over {@code input} verifies with the key under JWS algorithm {@code alg}. */
    static boolean verify(String alg, PublicKey key, byte[] input, byte[] signature) {
        if (alg.equals("EdDSA")) return Ed25519Keys.verify(key, input, signature);
        String family = alg.length() == 5 ? alg.substring(0, 2) : "";
        String hash = alg.length() == 5 ? HASHES.get(alg.substring(2)) : null;
        if (hash == null) return false;
        String jcaHash = hash.replace("-", "");
        try {
            switch (family) {
                case "RS" -> {
                    if (!(key instanceof RSAPublicKey)) return false;
                    Signature s = Signature.getInstance(jcaHash + "withRSA");
                    s.initVerify(key);
                    s.update(input);
                    return s.verify(signature);
                }
                case "PS" -> {
                    if (!(key instanceof RSAPublicKey)) return false;
                    Signature s = Signature.getInstance("RSASSA-PSS");
                    int saltLength = Integer.parseInt(alg.substring(2)) / 8;
                    s.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), saltLength, 1));
                    s.initVerify(key);
                    s.update(input);
                    return s.verify(signature);
                }
                case "ES" -> {
                    if (!(key instanceof ECPublicKey)) return false;
                    Signature s = Signature.getInstance(jcaHash + "withECDSA");
                    s.initVerify(key);
                    s.update(input);
                    return s.verify(ECDSA.transcodeSignatureToDER(signature));
                }
                default -> {
                    return false;
                }
            }
        } catch (GeneralSecurityException | JOSEException | RuntimeException e) {
            return false;
        }
    }

    /** HMAC check in constant time; {@code alg} is HS256, HS384 or HS512. */
    static boolean verifyHmac(String alg, String secret, byte[] input, byte[] signature) {
        String hash = alg.startsWith("HS") && alg.length() == 5 ? HASHES.get(alg.substring(2)) : null;
        if (hash == null) return false;
        try {
            String macName = "Hmac" + hash.replace("-", "");
            Mac mac = Mac.getInstance(macName);
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, macName));
            return MessageDigest.isEqual(mac.doFinal(input), signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
