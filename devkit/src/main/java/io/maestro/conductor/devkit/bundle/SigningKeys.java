package io.maestro.conductor.devkit.bundle;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;

/**
 * Bundle signing keys as JWK files: a partner's private EC P-256 key signs, the hub trusts a JWK set of public keys.
 * A key's id is its RFC 7638 thumbprint, so it names exactly one key.
 */
public final class SigningKeys {

    private SigningKeys() {}

    public static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("EC P-256 is in every JDK", e);
        }
    }

    public static String keyId(ECKey key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable EC key", e);
        }
    }

    /** A private signing key from a JWK file. */
    public static ECKey readPrivate(Path file) {
        try {
            JWK jwk = JWK.parse(Files.readString(file));
            if (!(jwk instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())) {
                throw new IllegalArgumentException("the key file must hold a private EC P-256 JWK");
            }
            return ec;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file", e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("the key file is not a JWK", e);
        }
    }

    /** Trusted public keys from a JWK set file ({@code {"keys":[…]}}); private parts, if any, are dropped. */
    public static List<ECKey> readTrusted(Path file) {
        try {
            return JWKSet.load(file.toFile()).toPublicJWKSet().getKeys().stream()
                    .filter(ECKey.class::isInstance)
                    .map(ECKey.class::cast)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trusted keys file", e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("the trusted keys file is not a JWK set", e);
        }
    }
}
