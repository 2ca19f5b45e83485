package io.maestro.conductor.devkit.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.devkit.TestJars;
import io.maestro.conductor.devkit.jar.AdapterJar;
import io.maestro.conductor.devkit.jar.AdapterJarCheck;
import io.maestro.conductor.devkit.jar.AdapterJarReader;
import io.maestro.conductor.devkit.manifest.AdapterManifest;
import io.maestro.conductor.devkit.manifest.ManifestValidator;
import io.maestro.conductor.devkit.manifest.Manifests;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdapterReviewScanTest {

    private static final KnownBadDependencies KNOWN_BAD = KnownBadDependencies.parse("""
            # local known-bad list
            org.apache.logging.log4j:log4j-core:<2.17.1 CVE-2021-44228 and follow-ups
            com.acme:hello-client:1.0.3 leaks the API key into its debug log
            """);

    @Test
    void theHelloExampleIsRatedByItsDeclaredRiskWithNothingFound() {
        AdapterReviewScan.Report report = AdapterReviewScan.scan(hello(), jar(TestJars.helloEntries()), KNOWN_BAD);

        assertThat(report.findings()).isEmpty();
        assertThat(report.rating()).isEqualTo(RiskRating.LOW);
        assertThat(report.rating().needsDualControl()).isFalse();
    }

    @Test
    void aKnownBadLibraryMakesItCritical() {
        ObjectNode manifest = Manifests.hello();
        manifest.putArray("dependencies")
                .add("org.apache.logging.log4j:log4j-core:2.14.1")
                .add("com.acme:hello-client:1.0.4");

        AdapterReviewScan.Report report =
                AdapterReviewScan.scan(ManifestValidator.validate(manifest), jar(TestJars.helloEntries()), KNOWN_BAD);

        assertThat(report.findings())
                .extracting(ReviewFinding::check, ReviewFinding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dependencies", RiskRating.CRITICAL));
        assertThat(report.findings().get(0).message()).contains("log4j-core:2.14.1", "CVE-2021-44228");
        assertThat(report.rating().needsDualControl()).isTrue();
    }

    @Test
    void aKnownBadLibraryInsideTheJarIsCriticalEvenWhenUndeclared() {
        Map<String, byte[]> entries = TestJars.helloEntries();
        entries.put(
                "META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties",
                "groupId=org.apache.logging.log4j\nartifactId=log4j-core\nversion=2.14.1\n".getBytes());
        entries.put(
                "META-INF/maven/com.acme/hello-notify/pom.properties",
                "groupId=com.acme\nartifactId=hello-notify\nversion=1.1.0\n".getBytes());
        entries.put("META-INF/maven/evil/x/pom.properties", "groupId=a b\nartifactId=$(x)\nversion=1\n".getBytes());

        AdapterJar jar = jar(entries);
        AdapterReviewScan.Report report = AdapterReviewScan.scan(hello(), jar, KNOWN_BAD);

        assertThat(jar.embeddedLibraries())
                .as("odd coordinates are not taken")
                .containsExactly("com.acme:hello-notify:1.1.0", "org.apache.logging.log4j:log4j-core:2.14.1");
        assertThat(report.findings())
                .extracting(ReviewFinding::check, ReviewFinding::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dependencies", RiskRating.MEDIUM),
                        org.assertj.core.groups.Tuple.tuple("dependencies", RiskRating.CRITICAL));
        assertThat(report.findings().get(0).message())
                .contains("carries org.apache.logging.log4j:log4j-core:2.14.1", "do not declare");
        assertThat(report.findings().get(1).message()).contains("carries", "log4j-core:2.14.1", "undeclared");
        assertThat(report.rating()).isEqualTo(RiskRating.CRITICAL);
    }

    @Test
    void aLibraryInsideTheJarMustBeDeclaredWithItsVersion() {
        Map<String, byte[]> entries = TestJars.helloEntries();
        entries.put(
                "META-INF/maven/com.acme/hello-notify/pom.properties",
                "groupId=com.acme\nartifactId=hello-notify\nversion=1.1.0\n".getBytes());
        entries.put(
                "META-INF/maven/com.squareup.okio/okio/pom.properties",
                "groupId=com.squareup.okio\nartifactId=okio\nversion=3.9.0\n".getBytes());
        ObjectNode declaredOtherVersion = Manifests.hello();
        declaredOtherVersion.putArray("dependencies").add("com.squareup.okio:okio:3.8.0");
        ObjectNode declared = Manifests.hello();
        declared.putArray("dependencies").add("com.squareup.okio:okio:3.9.0");

        AdapterReviewScan.Report undeclared = AdapterReviewScan.scan(hello(), jar(entries), KNOWN_BAD);
        AdapterReviewScan.Report otherVersion =
                AdapterReviewScan.scan(ManifestValidator.validate(declaredOtherVersion), jar(entries), KNOWN_BAD);
        AdapterReviewScan.Report clean =
                AdapterReviewScan.scan(ManifestValidator.validate(declared), jar(entries), KNOWN_BAD);

        assertThat(undeclared.findings())
                .extracting(ReviewFinding::check, ReviewFinding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dependencies", RiskRating.MEDIUM));
        assertThat(undeclared.findings().get(0).message()).contains("com.squareup.okio:okio:3.9.0");
        assertThat(undeclared.rating()).isEqualTo(RiskRating.MEDIUM);
        assertThat(otherVersion.findings()).hasSize(1);
        assertThat(clean.findings())
                .as("the adapter's own artifact is no dependency")
                .isEmpty();
        assertThat(AdapterJarCheck.check(hello(), jar(entries)))
                .extracting(v -> v.pointer())
                .as("validate refuses it too")
                .containsExactly("/dependencies");
    }

    @Test
    void codeThatUsesMoreThanItDeclaresIsHighRisk() {
        Map<String, byte[]> entries = TestJars.helloEntries();
        entries.put("com/acme/hello/Shell.class", TestJars.bytes("java/lang/ProcessBuilder"));

        AdapterReviewScan.Report report = AdapterReviewScan.scan(hello(), jar(entries), KNOWN_BAD);

        assertThat(report.findings()).extracting(ReviewFinding::check).containsExactly("permissions");
        assertThat(report.findings().get(0).message()).contains("process");
        assertThat(report.rating()).isEqualTo(RiskRating.HIGH);
    }

    @Test
    void broadDeclaredPermissionsAndRestrictedDataRaiseTheRating() {
        ObjectNode manifest = Manifests.hello();
        manifest.withArray("permissions").addObject().put("kind", "network");
        ((ObjectNode) manifest.path("risk")).put("dataSensitivity", "restricted");

        AdapterReviewScan.Report report =
                AdapterReviewScan.scan(ManifestValidator.validate(manifest), jar(TestJars.helloEntries()), KNOWN_BAD);

        assertThat(report.findings())
                .extracting(ReviewFinding::severity)
                .containsExactlyInAnyOrder(RiskRating.MEDIUM, RiskRating.HIGH);
        assertThat(report.rating()).isEqualTo(RiskRating.HIGH);
    }

    @Test
    void versionsCompareByNumberNotByText() {
        assertThat(KnownBadDependencies.compare("2.9.0", "2.17.1")).isNegative();
        assertThat(KnownBadDependencies.compare("2.17.1", "2.17.1")).isZero();
        assertThat(KNOWN_BAD.reasonFor("org.apache.logging.log4j:log4j-core:2.17.1"))
                .isEmpty();
        assertThat(KNOWN_BAD.reasonFor("org.apache.logging.log4j:log4j-core:2.9.0"))
                .isPresent();
    }

    private static AdapterManifest hello() {
        return ManifestValidator.read(Manifests.helloYaml());
    }

    private static AdapterJar jar(Map<String, byte[]> entries) {
        return AdapterJarReader.read(TestJars.zip(entries));
    }
}
