package io.maestro.conductor.devkit.bundle;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import io.maestro.conductor.devkit.jar.AdapterJarCheck;
import io.maestro.conductor.devkit.jar.AdapterJarReader;
import io.maestro.conductor.devkit.manifest.AdapterManifest;
import io.maestro.conductor.devkit.manifest.ManifestValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packages a manifest and its jar as a signed bundle: both are checked first (nothing invalid is ever signed), then
 * their checksums are signed with the partner's EC P-256 key (Nimbus JOSE, ES256, key id = the key's JWK
 * thumbprint).
 */
public final class BundleWriter {

    private BundleWriter() {}

    public static byte[] write(byte[] manifestDocument, byte[] jar, ECKey signingKey) {
        AdapterManifest manifest = ManifestValidator.read(manifestDocument);
        AdapterJarCheck.require(manifest, AdapterJarReader.read(jar));
        byte[] checksums = Checksums.document(manifestDocument, jar);
        ByteArrayOutputStream bundle = new ByteArrayOutputStream(jar.length + manifestDocument.length + 4096);
        try (ZipOutputStream zip = new ZipOutputStream(bundle)) {
            add(zip, BundleFiles.MANIFEST, manifestDocument);
            add(zip, BundleFiles.JAR, jar);
            add(zip, BundleFiles.CHECKSUMS, checksums);
            add(zip, BundleFiles.SIGNATURE, sign(checksums, signingKey).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundle.toByteArray();
    }

    static String sign(byte[] payload, ECKey key) {
        try {
            JWSObject jws = new JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(SigningKeys.keyId(key))
                            .build(),
                    new Payload(payload));
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the key cannot sign (an EC P-256 private key is needed)", e);
        }
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
