package io.maestro.conductor.policy.rego.builtins;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;

/**
 * Compact JWS signing for {@code io.jwt.encode_sign} and {@code encode_sign_raw}: the header and
 * payload text are used as given (so the token is reproducible), signed with a JWK (oct, RSA or EC
 * private key) through Nimbus, or an Ed25519 OKP private key through the JDK. Key material never appears in
 * an error.
 */
final class JwtSigning {
    private JwtSigning() {}

    static String sign(String name, String headerJson, String payloadJson, String jwkJson) {
        JWK jwk;
        JWSHeader header;
        try {
            jwk = JWK.parse(jwkJson);
        } catch (ParseException e) {
            throw BuiltinException.failed(name, "failed to parse the signing key as a JWK");
        }
        try {
            header = JWSHeader.parse(headerJson);
        } catch (ParseException e) {
            throw BuiltinException.failed(name, "invalid JWS header: " + e.getMessage());
        }
        String input = encode(headerJson) + "." + encode(payloadJson);
        if (JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) return input + "." + signEd25519(name, jwk, input);
        try {
            Base64URL signature =
                    signer(name, jwk, header.getAlgorithm()).sign(header, input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + signature;
        } catch (JOSEException e) {
            throw BuiltinException.failed(name, "cannot sign with " + header.getAlgorithm() + ": " + e.getMessage());
        }
    }

    private static Base64URL signEd25519(String name, JWK jwk, String input) {
        if (!(jwk instanceof OctetKeyPair okp) || !okp.isPrivate() || !Ed25519Keys.isSigningKey(okp)) {
            throw BuiltinException.failed(name, "the key does not fit algorithm EdDSA (or is not a private key)");
        }
        try {
            return Base64URL.encode(
                    Ed25519Keys.sign(Ed25519Keys.privateKey(okp), input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw BuiltinException.failed(name, "cannot sign with EdDSA: the key is not a usable Ed25519 key");
        }
    }

    private static String encode(String text) {
        return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JWSSigner signer(String name, JWK jwk, JWSAlgorithm alg) throws JOSEException {
        if (jwk instanceof OctetSequenceKey oct && JWSAlgorithm.Family.HMAC_SHA.contains(alg))
            return new MACSigner(oct);
        if (jwk instanceof RSAKey rsa && rsa.isPrivate() && JWSAlgorithm.Family.RSA.contains(alg))
            return new RSASSASigner(rsa);
        if (jwk instanceof ECKey ec && ec.isPrivate() && JWSAlgorithm.Family.EC.contains(alg))
            return new ECDSASigner(ec);
        throw BuiltinException.failed(name, "the key does not fit algorithm " + alg + " (or is not a private key)");
    }
}
