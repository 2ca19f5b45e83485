package io.maestro.conductor.devkit.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.devkit.DevkitErrorCode;
import io.maestro.conductor.devkit.DevkitException;
import io.maestro.conductor.devkit.Violation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestValidatorTest {

    @Test
    void theExampleManifestIsValidAsYamlAndAsJson() {
        AdapterManifest manifest = ManifestValidator.read(Manifests.helloYaml());
        assertThat(manifest.name()).isEqualTo("hello-notify");
        assertThat(manifest.scheme()).isEqualTo("hello");
        assertThat(manifest.permissions()).containsExactly("network:greeter.acme.example:443", "secrets");
        assertThat(manifest.dependencies()).isEmpty();
        assertThat(manifest.toDefinition().path("risk").path("riskLevel").asText())
                .isEqualTo("low");

        assertThat(ManifestValidator.read(Manifests.json(Manifests.hello())).version())
                .isEqualTo("1.1.0");
    }

    @Test
    void aCredentialNamedFieldThatIsNotMarkedSecretIsRefused() {
        ObjectNode manifest = Manifests.hello();
        ObjectNode properties = (ObjectNode) manifest.path("configSchema").path("properties");
        properties.putObject("client_secret").put("type", "string").put("description", "OAuth client secret");
        properties.putObject("webhookSigningKey").put("type", "string").put("description", "signs webhooks");
        properties.putObject("tokenUrl").put("type", "string").put("description", "where tokens come from");

        DevkitException refused = refuse(manifest);

        assertThat(refused.code()).isEqualTo(DevkitErrorCode.SECRET_FIELD_UNMARKED);
        assertThat(refused.violations())
                .extracting(Violation::pointer)
                .containsExactly(
                        "/configSchema/properties/client_secret", "/configSchema/properties/webhookSigningKey");
    }

    @Test
    void aSecretFieldCarriesNoValueAndIsAString() {
        ObjectNode manifest = Manifests.hello();
        ObjectNode apiKey =
                (ObjectNode) manifest.path("configSchema").path("properties").path("apiKey");
        apiKey.put("default", "sk_live_123").put("type", "integer");

        DevkitException refused = refuse(manifest);

        assertThat(refused.code()).isEqualTo(DevkitErrorCode.MANIFEST_INVALID);
        assertThat(refused.violations())
                .extracting(Violation::pointer)
                .containsExactly("/configSchema/properties/apiKey", "/configSchema/properties/apiKey/default");
        assertThat(refused.toJson().toString()).doesNotContain("sk_live_123");
    }

    @Test
    void namesThatCouldTraverseOrInjectAreRefusedWithTheirPointers() {
        ObjectNode manifest = Manifests.hello();
        manifest.put("name", "../../etc/passwd");
        ((ObjectNode) manifest.path("component")).put("className", "../Evil");
        ((ObjectNode) manifest.path("component")).put("scheme", "hello;rm -rf");

        DevkitException refused = refuse(manifest);

        assertThat(refused.code()).isEqualTo(DevkitErrorCode.MANIFEST_INVALID);
        assertThat(refused.violations())
                .extracting(Violation::pointer)
                .containsExactly("/component/className", "/component/scheme", "/name");
    }

    @Test
    void everyMissingAndMistypedFieldIsReportedAtOnce() {
        ObjectNode manifest = Manifests.hello();
        manifest.remove("owner");
        manifest.put("version", "1.0");
        manifest.put("supportedRegions", "eu-west-1");
        manifest.put("unknown", true);

        DevkitException refused = refuse(manifest);

        assertThat(refused.violations())
                .extracting(Violation::pointer)
                .containsExactly("/owner", "/supportedRegions", "/unknown", "/version");
        assertThat(refused.toJson().path("code").asText()).isEqualTo("MANIFEST_INVALID");
        assertThat(refused.toJson().path("violations")).hasSize(4);
    }

    @Test
    void requiredFieldsMustExistAndBreakingChangesMustNotBeFromTheFuture() {
        ObjectNode manifest = Manifests.hello();
        manifest.withArray("/configSchema/required").add("nowhere");
        manifest.with("releases").with("breakingChanges").putObject("9.0.0").put("message", "later");

        assertThat(refuse(manifest).violations())
                .extracting(Violation::pointer)
                .containsExactly("/configSchema/required/3", "/releases/breakingChanges/9.0.0");
    }

    @Test
    void yamlAliasesAreRefusedNotExpanded() {
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";

        assertThatThrownBy(() -> ManifestValidator.read(bomb.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        DevkitException.class,
                        e -> assertThat(e.code()).isEqualTo(DevkitErrorCode.MANIFEST_ALIAS_REFUSED));
    }

    @Test
    void oversizedDeepAndMalformedDocumentsGetTheirOwnCodes() {
        assertThat(codeOf(new byte[ManifestReader.MAX_BYTES + 1])).isEqualTo(DevkitErrorCode.MANIFEST_TOO_LARGE);
        assertThat(codeOf("[".repeat(40).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(DevkitErrorCode.MANIFEST_TOO_DEEP);
        assertThat(codeOf("{\"name\": \"x\", \"name\": \"y\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(DevkitErrorCode.MANIFEST_UNREADABLE);
        assertThat(codeOf("a: 1\n---\nb: 2\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(DevkitErrorCode.MANIFEST_UNREADABLE);
        DevkitException broken = catchThrowableOfType(
                DevkitException.class, () -> ManifestValidator.read("name: [unclosed, password-123\n".getBytes()));
        assertThat(broken.code()).isEqualTo(DevkitErrorCode.MANIFEST_UNREADABLE);
        assertThat(broken.getMessage()).contains("line").doesNotContain("password-123");
    }

    private static DevkitErrorCode codeOf(byte[] document) {
        return catchThrowableOfType(DevkitException.class, () -> ManifestValidator.read(document))
                .code();
    }

    private static DevkitException refuse(ObjectNode manifest) {
        return catchThrowableOfType(DevkitException.class, () -> ManifestValidator.validate(manifest));
    }
}
