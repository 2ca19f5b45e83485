package io.maestro.conductor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import io.maestro.conductor.devkit.BuiltJars;
import io.maestro.conductor.devkit.bundle.BundleVerifier;
import io.maestro.conductor.devkit.bundle.VerifiedBundle;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HELLO_MANIFEST = Path.of("../devkit/examples/hello/conductor-adapter.yaml");

    @TempDir
    Path dir;

    @Test
    void initScaffoldsAnAdapterUnderTheNewNamesWhoseManifestValidates() throws Exception {
        Path target = dir.resolve("weather");
        CliRun init = initWeather(target);

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(target.resolve("src/main/java/com/example/weather/WeatherComponent.java"))
                .exists();
        assertThat(target.resolve("src/test/java/com/example/weather/WeatherContractTest.java"))
                .exists();
        try (Stream<Path> files = Files.walk(target)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContainIgnoringCase("hello");
            }
        }
        CliRun validate = CliRun.of(
                "adapter",
                "validate",
                "--manifest",
                target.resolve("conductor-adapter.yaml").toString());
        assertThat(validate.exitCode()).as(validate.out()).isZero();
        assertThat(JSON.readTree(validate.out()).path("scheme").asText()).isEqualTo("weather");

        assertThat(initWeather(target).exitCode())
                .as("a second init into the same directory")
                .isEqualTo(2);
    }

    @Test
    void validateChecksTheManifestAgainstTheBuiltJar() throws Exception {
        Path jar = BuiltJars.hello(dir);

        CliRun validate =
                CliRun.of("adapter", "validate", "--manifest", HELLO_MANIFEST.toString(), "--jar", jar.toString());

        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        JsonNode result = JSON.readTree(validate.out());
        assertThat(result.path("valid").asBoolean()).isTrue();
        assertThat(result.path("usedPermissions").toString()).isEqualTo("[\"network\"]");
    }

    @Test
    void validateRefusesAnUnmarkedCredentialWithItsCodeAndPointer() throws Exception {
        Path manifest = dir.resolve("conductor-adapter.yaml");
        Files.writeString(manifest, Files.readString(HELLO_MANIFEST).replace("      format: password\n", ""));

        CliRun validate = CliRun.of("adapter", "validate", "--manifest", manifest.toString());

        assertThat(validate.exitCode()).isEqualTo(1);
        JsonNode refusal = JSON.readTree(validate.out());
        assertThat(refusal.path("code").asText()).isEqualTo("SECRET_FIELD_UNMARKED");
        assertThat(refusal.path("violations").get(0).path("pointer").asText())
                .isEqualTo("/configSchema/properties/apiKey");
    }

    @Test
    void keygenThenPackageMakesABundleThatTheHubsVerifierAccepts() throws Exception {
        Path key = dir.resolve("partner.jwk");
        CliRun keygen = CliRun.of("adapter", "keygen", "--out", key.toString());
        assertThat(keygen.exitCode()).as(keygen.err()).isZero();
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(keygen.out()).doesNotContain("\"d\"");
        Path bundle = dir.resolve("hello.bundle.zip");

        CliRun pack = CliRun.of(
                "adapter",
                "package",
                "--manifest",
                HELLO_MANIFEST.toString(),
                "--jar",
                BuiltJars.hello(dir).toString(),
                "--key",
                key.toString(),
                "--out",
                bundle.toString());

        assertThat(pack.exitCode()).as(pack.out() + pack.err()).isZero();
        BundleVerifier hub = new BundleVerifier(
                JWKSet.parse(keygen.out()).getKeys().stream()
                        .map(k -> (com.nimbusds.jose.jwk.ECKey) k)
                        .toList(),
                BundleVerifier.DEFAULT_MAX_JAR);
        try (InputStream in = Files.newInputStream(bundle)) {
            VerifiedBundle verified = hub.verify(in);
            assertThat(verified.manifest().name()).isEqualTo("hello-notify");
            assertThat(verified.keyId())
                    .isEqualTo(JSON.readTree(pack.out()).path("keyId").asText());
        }
    }

    @Test
    void installAndSubmitTellAnUnreachableHubFromARefusalAndTakeNoPasswordArgument() throws Exception {
        Path bundle = Files.writeString(dir.resolve("bundle.zip"), "not used");
        Path password = Files.writeString(dir.resolve("password"), "s3cret-password\n");
        int closedPort;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String hub = "http://127.0.0.1:" + closedPort;

        CliRun install = CliRun.of(
                "adapter", "install", bundle.toString(), "--hub", hub, "--password-file", password.toString());
        CliRun submit = CliRun.of(
                "adapter",
                "submit",
                bundle.toString(),
                "--tenant",
                "atlas",
                "--env",
                "dev",
                "--hub",
                hub,
                "--password-file",
                password.toString());

        assertThat(install.exitCode()).as(install.err()).isEqualTo(2);
        assertThat(install.err()).contains("cannot be reached").doesNotContain("s3cret-password");
        assertThat(submit.exitCode()).as(submit.err()).isEqualTo(2);
        assertThat(CliRun.of("adapter", "submit", bundle.toString(), "--tenant", "../etc", "--env", "dev")
                        .exitCode())
                .isEqualTo(2);
        assertThat(CliRun.of("adapter", "install", bundle.toString(), "--password", "s3cret-password")
                        .exitCode())
                .as("no option takes the password")
                .isEqualTo(2);
    }

    private static CliRun initWeather(Path target) {
        return CliRun.of(
                "adapter",
                "init",
                "weather-notify",
                "--scheme",
                "weather",
                "--package",
                "com.example.weather",
                "--owner",
                "partner-example",
                "--dir",
                target.toString());
    }
}
