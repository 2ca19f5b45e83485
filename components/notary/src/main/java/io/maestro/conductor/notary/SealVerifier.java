package io.maestro.conductor.notary;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.Collection;

/**
 * Checks a {@link Seal} offline: the signature with the public key kept in the seal (its {@code kid} must be that
 * key's thumbprint, so a seal cannot name one key and carry another), and the timestamp with
 * {@link TimestampVerifier}. Which keys a tenant ever used is in its seals; the timestamp, signed by a TSA outside
 * the hub, is what proves the content existed unchanged at that time.
 */
public final class SealVerifier {

    private SealVerifier() {}

    public static SealCheck verify(Seal seal, byte[] content, Collection<X509Certificate> tsaAnchors) {
        String signatureProblem = signatureProblem(seal, content);
        TimestampCheck timestamp = TimestampVerifier.verify(seal.timestampToken(), content, tsaAnchors);
        String problem = signatureProblem != null ? signatureProblem : timestamp.problem();
        return new SealCheck(seal.keyId(), signatureProblem == null, timestamp, problem);
    }

    private static String signatureProblem(Seal seal, byte[] content) {
        try {
            OctetKeyPair key = OctetKeyPair.parse(seal.publicJwk());
            if (key.isPrivate()) {
                return "the seal carries a private key";
            }
            if (!key.computeThumbprint().toString().equals(seal.keyId())) {
                return "the seal's key id is not its key's thumbprint";
            }
            JWSObject jws = JWSObject.parse(seal.signature(), new Payload(content));
            if (!JWSAlgorithm.EdDSA.equals(jws.getHeader().getAlgorithm())
                    || !seal.keyId().equals(jws.getHeader().getKeyID())) {
                return "the signature names another algorithm or key";
            }
            return jws.verify(new Ed25519Verifier(key)) ? null : "the signature does not verify over this content";
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return "the signature or its key cannot be read";
        }
    }
}
