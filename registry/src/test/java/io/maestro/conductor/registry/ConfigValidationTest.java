package io.maestro.conductor.registry;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.lifecycleReceipts;
import static io.maestro.conductor.registry.support.Fixtures.s3Config;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.model.RiskPosture;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;
import java.util.List;

class ConfigValidationTest {

    @OnEachDatabase
    void everyViolationIsListedWithItsPointerAndNothingIsStored(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            ObjectNode config = s3Config("Not_A_Bucket");
            config.remove("region");
            config.put("endpoint", "ftp://nope");
            config.put("colour", "blue");
            config.put("accessKey", "AKIA-LITERAL-KEY-1234");

            assertThatThrownBy(() -> registry.install(
                            OPERATOR,
                            "acme",
                            "dev",
                            "evidence",
                            new InstallRequest("s3-storage", null, config, "eu-west-1")))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
                        assertThat(e.violations())
                                .extracting(Violation::pointer)
                                .containsExactly("/accessKey", "/bucket", "/colour", "/endpoint", "/region");
                        assertThat(e.violations())
                                .filteredOn(v -> v.pointer().equals("/accessKey"))
                                .singleElement()
                                .extracting(Violation::message)
                                .asString()
                                .contains("secret:<name>");
                        assertThat(e.toString() + e.violations()).doesNotContain("AKIA-LITERAL-KEY-1234");
                    });
            assertThat(registry.instance("acme", "dev", "evidence")).isEmpty();
            assertThat(lifecycleReceipts(registry, "acme")).isEmpty();
        }
    }

    @OnEachDatabase
    void aLiteralInASecretFieldAloneIsRejectedWithItsOwnCode(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            ObjectNode config = s3Config("acme-bucket").put("secretKey", "wJalrXUtnFEMI/K7MDENG");

            assertThatThrownBy(() -> registry.install(
                            OPERATOR,
                            "acme",
                            "dev",
                            "evidence",
                            new InstallRequest("s3-storage", null, config, "eu-west-1")))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.SECRET_LITERAL_REJECTED);
                        assertThat(e.violations())
                                .extracting(Violation::pointer)
                                .containsExactly("/secretKey");
                        assertThat(e.getMessage() + e.violations()).doesNotContain("wJalrXUtnFEMI");
                    });
            assertThat(registry.instance("acme", "dev", "evidence")).isEmpty();
        }
    }

    @OnEachDatabase
    void aReferenceToASecretMissingFromTheNamespaceIsNotFound(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            tenantWithSecrets(registry, "globex");
            registry.secrets().put(OPERATOR, "globex", "dev", "only-globex", "x");
            ObjectNode config = s3Config("acme-bucket").put("secretKey", "secret:only-globex");

            assertThatThrownBy(() -> registry.install(
                            OPERATOR,
                            "acme",
                            "dev",
                            "evidence",
                            new InstallRequest("s3-storage", null, config, "eu-west-1")))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.SECRET_NOT_FOUND);
                        assertThat(e.violations())
                                .extracting(Violation::pointer)
                                .containsExactly("/secretKey");
                    });
            assertThat(registry.instance("acme", "dev", "evidence")).isEmpty();
        }
    }

    @OnEachDatabase
    void secretFieldsInsideArrayItemsAndNestedObjectsAreFoundToo(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            registry.publishDefinition(new AdapterDefinition(
                    "signed-webhook",
                    "1.0.0",
                    AdapterCategory.NOTIFICATIONS,
                    "test",
                    "webhook with secret headers",
                    new RiskPosture("low", "internal", false),
                    Json.parse("""
                            {"type": "object", "properties": {
                              "url": {"type": "string"},
                              "auth": {"type": "object", "properties": {"token": {"type": "string", "format": "password"}}},
                              "headers": {"type": "array", "items": {"type": "object", "properties": {
                                "name": {"type": "string"}, "value": {"type": "string", "x-secret": true}}}}}}
                            """),
                    List.of("eu-west-1"),
                    List.of("send")));
            ObjectNode config = (ObjectNode) Json.parse("""
                    {"url": "https://hooks.example.test",
                     "auth": {"token": "tok-LITERAL-123"},
                     "headers": [{"name": "X-Key", "value": "secret:s3-access"}, {"name": "X-Other", "value": "hdr-LITERAL-456"}]}
                    """);

            assertThatThrownBy(() -> registry.install(
                            OPERATOR,
                            "acme",
                            "dev",
                            "hook",
                            new InstallRequest("signed-webhook", null, config, "eu-west-1")))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.SECRET_LITERAL_REJECTED);
                        assertThat(e.violations())
                                .extracting(Violation::pointer)
                                .containsExactly("/auth/token", "/headers/1/value");
                        assertThat(e.getMessage() + e.violations()).doesNotContain("LITERAL");
                    });

            config.with("auth").put("token", "secret:s3-secret");
            ((ObjectNode) config.withArray("headers").get(1)).put("value", "secret:missing-one");
            assertThatThrownBy(() -> registry.install(
                            OPERATOR,
                            "acme",
                            "dev",
                            "hook",
                            new InstallRequest("signed-webhook", null, config, "eu-west-1")))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.SECRET_NOT_FOUND);
                        assertThat(e.violations())
                                .extracting(Violation::pointer)
                                .containsExactly("/headers/1/value");
                    });

            ((ObjectNode) config.withArray("headers").get(1)).put("value", "secret:s3-secret");
            assertThat(registry.install(
                                    OPERATOR,
                                    "acme",
                                    "dev",
                                    "hook",
                                    new InstallRequest("signed-webhook", null, config, "eu-west-1"))
                            .configVersion())
                    .isEqualTo(1);
        }
    }
}
