package io.maestro.conductor.devkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import io.maestro.conductor.devkit.DevkitErrorCode;
import io.maestro.conductor.devkit.DevkitException;
import io.maestro.conductor.devkit.TestJars;
import io.maestro.conductor.devkit.Violation;
import io.maestro.conductor.devkit.manifest.Manifests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class BundleTest {

    private static final ECKey PARTNER = SigningKeys.generate();
    private static final ECKey STRANGER = SigningKeys.generate();
    private final BundleVerifier hub = new BundleVerifier(List.of(PARTNER), BundleVerifier.DEFAULT_MAX_JAR);

    @Test
    void aBundleSignedByATrustedKeyVerifiesWithItsManifestJarAndChecksums() {
        byte[] jar = TestJars.helloJar();

        VerifiedBundle verified = verify(hub, BundleWriter.write(Manifests.helloYaml(), jar, PARTNER));

        assertThat(verified.manifest().name()).isEqualTo("hello-notify");
        assertThat(verified.keyId()).isEqualTo(SigningKeys.keyId(PARTNER));
        assertThat(verified.jarSha256()).isEqualTo(Checksums.sha256(jar));
        assertThat(verified.jar().usedPermissions()).containsExactly("network");
    }

    @Test
    void aBundleSignedByAnotherKeyIsUntrusted() {
        assertThat(codeOf(hub, BundleWriter.write(Manifests.helloYaml(), TestJars.helloJar(), STRANGER)))
                .isEqualTo(DevkitErrorCode.BUNDLE_KEY_UNTRUSTED);
    }

    @Test
    void aSignatureThatClaimsATrustedKeyIdButIsMadeByAnotherKeyDoesNotVerify() throws Exception {
        Map<String, byte[]> entries = unzip(BundleWriter.write(Manifests.helloYaml(), TestJars.helloJar(), PARTNER));
        JWSObject forged = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(SigningKeys.keyId(PARTNER))
                        .build(),
                new Payload(entries.get(BundleFiles.CHECKSUMS)));
        forged.sign(new ECDSASigner(STRANGER));
        entries.put(BundleFiles.SIGNATURE, TestJars.bytes(forged.serialize()));

        assertThat(codeOf(hub, TestJars.zip(entries))).isEqualTo(DevkitErrorCode.BUNDLE_SIGNATURE_INVALID);
    }

    @Test
    void anUnsignedBundleOrAGarbageSignatureIsRefused() {
        Map<String, byte[]> entries = unzip(BundleWriter.write(Manifests.helloYaml(), TestJars.helloJar(), PARTNER));
        entries.put(BundleFiles.SIGNATURE, TestJars.bytes("not.a.jws"));
        assertThat(codeOf(hub, TestJars.zip(entries))).isEqualTo(DevkitErrorCode.BUNDLE_SIGNATURE_INVALID);

        entries.remove(BundleFiles.SIGNATURE);
        assertThat(codeOf(hub, TestJars.zip(entries))).isEqualTo(DevkitErrorCode.BUNDLE_INVALID);
    }

    @Test
    void aJarOrManifestChangedAfterSigningIsTampered() {
        Map<String, byte[]> entries = unzip(BundleWriter.write(Manifests.helloYaml(), TestJars.helloJar(), PARTNER));
        Map<String, byte[]> jarEntries = TestJars.helloEntries();
        jarEntries.put("com/acme/hello/Backdoor.class", TestJars.bytes("java/lang/ProcessBuilder"));
        entries.put(BundleFiles.JAR, TestJars.zip(jarEntries));
        assertThat(codeOf(hub, TestJars.zip(entries))).isEqualTo(DevkitErrorCode.BUNDLE_TAMPERED);

        // new checksums that match the new jar, under the old signature
        entries.put(
                BundleFiles.CHECKSUMS,
                Checksums.document(entries.get(BundleFiles.MANIFEST), entries.get(BundleFiles.JAR)));
        assertThat(codeOf(hub, TestJars.zip(entries))).isEqualTo(DevkitErrorCode.BUNDLE_TAMPERED);

        Map<String, byte[]> manifestChanged =
                unzip(BundleWriter.write(Manifests.helloYaml(), TestJars.helloJar(), PARTNER));
        manifestChanged.put(
                BundleFiles.MANIFEST,
                new String(Manifests.helloYaml())
                        .replace("riskLevel: low", "riskLevel: high")
                        .getBytes());
        assertThat(codeOf(hub, TestJars.zip(manifestChanged))).isEqualTo(DevkitErrorCode.BUNDLE_TAMPERED);
    }

    @Test
    void entriesOtherThanTheFourOrTwiceTheSameAreRefusedBeforeAnythingIsTrusted() {
        Map<String, byte[]> entries = unzip(BundleWriter.write(Manifests.helloYaml(), TestJars.helloJar(), PARTNER));
        entries.put("../../../../tmp/evil.sh", TestJars.bytes("#!/bin/sh"));
        assertThat(codeOf(hub, TestJars.zip(entries))).isEqualTo(DevkitErrorCode.BUNDLE_INVALID);

        assertThat(codeOf(hub, TestJars.bytes("PK not a zip at all"))).isEqualTo(DevkitErrorCode.BUNDLE_INVALID);
    }

    @Test
    void aJarLargerThanTheBoundIsRefusedWithoutReadingOn() {
        BundleVerifier small = new BundleVerifier(List.of(PARTNER), 1024);
        Map<String, byte[]> jarEntries = TestJars.helloEntries();
        jarEntries.put(
                "padding.bin",
                new java.util.Random(1)
                        .ints(4096)
                        .mapToObj(Integer::toString)
                        .reduce("", String::concat)
                        .getBytes());

        assertThat(codeOf(small, BundleWriter.write(Manifests.helloYaml(), TestJars.zip(jarEntries), PARTNER)))
                .isEqualTo(DevkitErrorCode.BUNDLE_TOO_LARGE);
    }

    @Test
    void aJarThatDoesNotServeItsManifestIsNeverSigned() {
        Map<String, byte[]> jarEntries = TestJars.helloEntries();
        jarEntries.remove("META-INF/com/acme/hello/hello.json");

        DevkitException refused = catchThrowableOfType(
                DevkitException.class,
                () -> BundleWriter.write(Manifests.helloYaml(), TestJars.zip(jarEntries), PARTNER));

        assertThat(refused.code()).isEqualTo(DevkitErrorCode.JAR_INVALID);
        assertThat(refused.violations()).extracting(Violation::pointer).containsExactly("/component/scheme");
    }

    @Test
    void aJarWithATraversingEntryIsNeverSigned() {
        Map<String, byte[]> traversing = TestJars.helloEntries();
        traversing.put("../../etc/cron.d/evil", TestJars.bytes("* * * * * root sh"));

        DevkitException refused = catchThrowableOfType(
                DevkitException.class,
                () -> BundleWriter.write(Manifests.helloYaml(), TestJars.zip(traversing), PARTNER));

        assertThat(refused.code()).isEqualTo(DevkitErrorCode.JAR_INVALID);
    }

    private static VerifiedBundle verify(BundleVerifier verifier, byte[] bundle) {
        return verifier.verify(new ByteArrayInputStream(bundle));
    }

    private static DevkitErrorCode codeOf(BundleVerifier verifier, byte[] bundle) {
        return catchThrowableOfType(DevkitException.class, () -> verify(verifier, bundle))
                .code();
    }

    private static Map<String, byte[]> unzip(byte[] bundle) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return entries;
    }
}
