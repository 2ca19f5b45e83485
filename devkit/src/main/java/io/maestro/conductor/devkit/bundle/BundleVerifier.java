package io.maestro.conductor.devkit.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import io.maestro.conductor.devkit.DevkitErrorCode;
import io.maestro.conductor.devkit.DevkitException;
import io.maestro.conductor.devkit.jar.AdapterJar;
import io.maestro.conductor.devkit.jar.AdapterJarCheck;
import io.maestro.conductor.devkit.jar.AdapterJarReader;
import io.maestro.conductor.devkit.manifest.AdapterManifest;
import io.maestro.conductor.devkit.manifest.ManifestReader;
import io.maestro.conductor.devkit.manifest.ManifestValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens a bundle and trusts nothing in it until it checks out, in this order: exactly the four expected entries,
 * each within its bound (no other name, so no path can escape anywhere); the signature, by a trusted key, over
 * exactly the checksums document; each file's SHA-256 against it; then the manifest and the jar.
 */
public final class BundleVerifier {

    public static final long DEFAULT_MAX_JAR = 64L * 1024 * 1024;
    private static final int MAX_SMALL_ENTRY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ECKey> trustedKeys;
    private final long maxJarBytes;

    public BundleVerifier(List<ECKey> trustedKeys, long maxJarBytes) {
        this.trustedKeys = trustedKeys.stream().map(ECKey::toPublicJWK).toList();
        this.maxJarBytes = maxJarBytes;
    }

    public VerifiedBundle verify(InputStream bundle) {
        Map<String, byte[]> files = entries(bundle);
        byte[] checksums = files.get(BundleFiles.CHECKSUMS);
        String keyId = verifySignature(files.get(BundleFiles.SIGNATURE), checksums);
        JsonNode signed = parseChecksums(checksums);
        byte[] manifestDocument = files.get(BundleFiles.MANIFEST);
        byte[] jarBytes = files.get(BundleFiles.JAR);
        String manifestSha = requireChecksum(signed, BundleFiles.MANIFEST, manifestDocument);
        String jarSha = requireChecksum(signed, BundleFiles.JAR, jarBytes);
        AdapterManifest manifest = ManifestValidator.read(manifestDocument);
        AdapterJar jar = AdapterJarReader.read(jarBytes);
        AdapterJarCheck.require(manifest, jar);
        return new VerifiedBundle(manifest, manifestDocument, jarBytes, jar, keyId, manifestSha, jarSha);
    }

    private Map<String, byte[]> entries(InputStream bundle) {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(bundle)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (!BundleFiles.ALL.contains(name) || files.containsKey(name)) {
                    throw new DevkitException(
                            DevkitErrorCode.BUNDLE_INVALID,
                            "a bundle holds exactly " + BundleFiles.ALL + ", each once; found another entry");
                }
                long bound = name.equals(BundleFiles.JAR)
                        ? maxJarBytes
                        : name.equals(BundleFiles.MANIFEST) ? ManifestReader.MAX_BYTES : MAX_SMALL_ENTRY;
                byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bound + 1));
                if (content.length > bound) {
                    throw new DevkitException(
                            DevkitErrorCode.BUNDLE_TOO_LARGE, name + " is larger than " + bound + " bytes");
                }
                files.put(name, content);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new DevkitException(DevkitErrorCode.BUNDLE_INVALID, "the bundle is not a readable zip");
        }
        if (!files.keySet().containsAll(BundleFiles.ALL)) {
            throw new DevkitException(
                    DevkitErrorCode.BUNDLE_INVALID, "a bundle holds exactly " + BundleFiles.ALL + "; some are missing");
        }
        return files;
    }

    private String verifySignature(byte[] signature, byte[] checksums) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(new String(signature, StandardCharsets.US_ASCII).trim());
        } catch (ParseException e) {
            throw new DevkitException(DevkitErrorCode.BUNDLE_SIGNATURE_INVALID, "the signature is not a JWS");
        }
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
            throw new DevkitException(DevkitErrorCode.BUNDLE_SIGNATURE_INVALID, "the signature must be ES256");
        }
        String keyId = jws.getHeader().getKeyID();
        ECKey key = trustedKeys.stream()
                .filter(k -> SigningKeys.keyId(k).equals(keyId))
                .findFirst()
                .orElseThrow(() -> new DevkitException(
                        DevkitErrorCode.BUNDLE_KEY_UNTRUSTED, "the bundle is signed by a key that is not trusted"));
        try {
            if (!jws.verify(new ECDSAVerifier(key))) {
                throw new DevkitException(DevkitErrorCode.BUNDLE_SIGNATURE_INVALID, "the signature does not verify");
            }
        } catch (JOSEException e) {
            throw new DevkitException(DevkitErrorCode.BUNDLE_SIGNATURE_INVALID, "the signature cannot be verified");
        }
        if (!MessageDigest.isEqual(jws.getPayload().toBytes(), checksums)) {
            throw new DevkitException(
                    DevkitErrorCode.BUNDLE_TAMPERED, BundleFiles.CHECKSUMS + " is not the document that was signed");
        }
        return keyId;
    }

    private static JsonNode parseChecksums(byte[] checksums) {
        try {
            return JSON.readTree(checksums).path("files");
        } catch (IOException e) {
            throw new DevkitException(DevkitErrorCode.BUNDLE_INVALID, BundleFiles.CHECKSUMS + " is not JSON");
        }
    }

    private static String requireChecksum(JsonNode signed, String name, byte[] content) {
        String actual = Checksums.sha256(content);
        if (!MessageDigest.isEqual(
                actual.getBytes(StandardCharsets.US_ASCII),
                signed.path(name).asText().getBytes(StandardCharsets.US_ASCII))) {
            throw new DevkitException(DevkitErrorCode.BUNDLE_TAMPERED, name + " does not match its signed checksum");
        }
        return actual;
    }
}
