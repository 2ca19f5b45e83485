package io.maestro.conductor.registry;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.model.AdapterType;
import io.maestro.conductor.registry.model.RiskPosture;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;
import io.maestro.conductor.registry.validation.DestinationMarks;
import java.util.List;

class DefinitionsTest {

    @OnEachDatabase
    void versionsAreImmutableOrderedAndTheNewestIsInstalledByDefault(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            assertThat(registry.adapterTypes())
                    .extracting(AdapterType::category)
                    .containsExactlyInAnyOrder(AdapterCategory.values());
            AdapterDefinition v1 = registry.definition("s3-storage", "1.0.0");
            AdapterDefinition v10 = new AdapterDefinition(
                    "s3-storage",
                    "1.10.0",
                    AdapterCategory.STORAGE,
                    "platform",
                    "with a lifecycle policy",
                    new RiskPosture("high", "restricted", true),
                    v1.configSchema(),
                    List.of("eu-west-1"),
                    List.of("put"));
            AdapterDefinition v2beta = new AdapterDefinition(
                    "s3-storage",
                    "1.9.0-beta.1",
                    AdapterCategory.STORAGE,
                    "platform",
                    "beta",
                    v1.risk(),
                    v1.configSchema(),
                    List.of("eu-west-1"),
                    List.of("put"));

            assertThat(registry.publishDefinition(v10)).isTrue();
            assertThat(registry.publishDefinition(v2beta)).isTrue();
            assertThat(registry.publishDefinition(v10)).isFalse();
            LifecycleTest.assertCode(
                    () -> registry.publishDefinition(new AdapterDefinition(
                            "s3-storage",
                            "1.10.0",
                            AdapterCategory.STORAGE,
                            "someone-else",
                            "changed",
                            v10.risk(),
                            v10.configSchema(),
                            v10.supportedRegions(),
                            v10.capabilities())),
                    ErrorCode.TENANT_CONFIG_INVALID);

            assertThat(registry.definitionVersions("s3-storage"))
                    .extracting(AdapterDefinition::version)
                    .containsExactly("1.0.0", "1.9.0-beta.1", "1.10.0");
            assertThat(registry.definitions())
                    .extracting(AdapterDefinition::coordinates)
                    .containsExactly("gcs-storage@1.0.0", "s3-storage@1.10.0");

            tenantWithSecrets(registry, "acme");
            assertThat(registry.install(OPERATOR, "acme", "dev", "evidence", s3("acme-evidence"))
                            .definitionVersion())
                    .isEqualTo("1.10.0");
            h.restart();
            assertThat(h.registry().definition("s3-storage", null)).isEqualTo(v10);
        }
    }

    /**
     * A version published before its adapter marked its destinations takes the marks when the marked copy is
     * published again (nothing else may differ), keeps them across a restart, and an unmarked copy cannot drop
     * them.
     */
    @OnEachDatabase
    void destinationMarksAreAddedToAStoredVersionButNothingElseChanges(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            AdapterDefinition unmarked = registry.definition("s3-storage", "1.0.0");
            assertThat(DestinationMarks.of(unmarked.configSchema())).doesNotContainKey("endpoint");
            ObjectNode markedSchema = unmarked.configSchema().deepCopy();
            ((ObjectNode) markedSchema.path("properties").path("endpoint")).put(DestinationMarks.KEYWORD, "url");
            AdapterDefinition marked = withSchema(unmarked, markedSchema);

            assertThat(registry.publishDefinition(marked)).isFalse();
            assertThat(DestinationMarks.of(
                            registry.definition("s3-storage", "1.0.0").configSchema()))
                    .containsEntry("endpoint", "url");
            assertThat(registry.publishDefinition(unmarked))
                    .as("an unmarked copy is no news")
                    .isFalse();

            ObjectNode otherRule = markedSchema.deepCopy();
            ((ObjectNode) otherRule.path("properties").path("endpoint")).put("pattern", "^.*$");
            LifecycleTest.assertCode(
                    () -> registry.publishDefinition(withSchema(unmarked, otherRule)), ErrorCode.TENANT_CONFIG_INVALID);
            LifecycleTest.assertCode(
                    () -> registry.publishDefinition(new AdapterDefinition(
                            "s3-storage",
                            "1.0.0",
                            AdapterCategory.STORAGE,
                            "someone-else",
                            unmarked.description(),
                            unmarked.risk(),
                            markedSchema,
                            unmarked.supportedRegions(),
                            unmarked.capabilities())),
                    ErrorCode.TENANT_CONFIG_INVALID);

            h.restart();
            assertThat(h.registry().definition("s3-storage", "1.0.0").configSchema())
                    .isEqualTo(markedSchema);
        }
    }

    private static AdapterDefinition withSchema(AdapterDefinition d, JsonNode schema) {
        return new AdapterDefinition(
                d.name(),
                d.version(),
                d.category(),
                d.owner(),
                d.description(),
                d.risk(),
                schema,
                d.supportedRegions(),
                d.capabilities());
    }
}
