package io.maestro.conductor.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.registry.RegistryInstanceResolver;
import io.maestro.conductor.adapter.registry.RegistrySecretResolver;
import io.maestro.conductor.adapter.testing.AllowAllGate;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.Tenant;
import io.maestro.conductor.registry.model.TenantKind;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;
import io.maestro.conductor.sandbox.S3ProxySandbox;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** storage: wired to a real registry (instances and secret vault) and a real S3 peer, as the hub wires it. */
class RegistryBackedStorageTest {

    private static final Actor OPERATOR = new Actor("alice");

    @Test
    void storesThroughAnInstanceAndSecretsFromTheRegistry(@TempDir Path dir) throws Exception {
        try (S3ProxySandbox s3 = S3ProxySandbox.startTransient();
                RegistryHarness registryHarness = new RegistryHarness(TestDatabase.h2(dir));
                CamelContext camel = new DefaultCamelContext()) {
            s3.createBucket("atlas-evidence");
            Registry registry = registryHarness.registry();
            registry.ensureTenant(new Tenant("atlas", "Atlas", TenantKind.INTERNAL, java.util.List.of("dev")));
            registry.secrets().put(OPERATOR, "atlas", "dev", "evidence-access-key", s3.accessKey());
            registry.secrets().put(OPERATOR, "atlas", "dev", "evidence-secret-key", s3.secretKey());
            ObjectNode config = Json.MAPPER
                    .createObjectNode()
                    .put("bucket", "atlas-evidence")
                    .put("region", "eu-west-1")
                    .put("endpoint", s3.endpoint().toString())
                    .put("keyPrefix", "atlas/dev/")
                    .put("forcePathStyle", true)
                    .put("accessKey", "secret:evidence-access-key")
                    .put("secretKey", "secret:evidence-secret-key");
            registry.install(
                    OPERATOR, "atlas", "dev", "evidence", new InstallRequest("s3-storage", null, config, "eu-west-1"));

            camel.getRegistry().bind("instances", new RegistryInstanceResolver(registry));
            camel.getRegistry().bind("secrets", new RegistrySecretResolver(registry.secrets()));
            camel.getRegistry().bind("gate", new AllowAllGate());
            camel.start();

            Exchange put = camel.createProducerTemplate().request("storage:put_object?instance=evidence", exchange -> {
                exchange.getMessage()
                        .setHeaders(Map.of(
                                AdapterHeaders.TENANT,
                                "atlas",
                                AdapterHeaders.ENVIRONMENT,
                                "dev",
                                StorageConstants.KEY,
                                "bundles/b1/manifest.json"));
                exchange.getMessage().setBody(bytes("{\"files\":[]}"));
            });
            assertThat(put.getException()).isNull();
            assertThat(s3.objectKeys("atlas-evidence")).containsExactly("atlas/dev/bundles/b1/manifest.json");
            assertThat(registry.secrets().accessLog("atlas", 10))
                    .anySatisfy(access -> assertThat(access.purpose()).isEqualTo("storage.s3.client"));

            Exchange otherTenant = camel.createProducerTemplate()
                    .request(
                            "storage:get_object?instance=evidence",
                            exchange -> exchange.getMessage()
                                    .setHeaders(Map.of(
                                            AdapterHeaders.TENANT,
                                            "globex",
                                            AdapterHeaders.ENVIRONMENT,
                                            "dev",
                                            StorageConstants.KEY,
                                            "bundles/b1/manifest.json")));
            assertThat(otherTenant.getException())
                    .isInstanceOfSatisfying(
                            AdapterException.class,
                            e -> assertThat(e.code()).isEqualTo(SpiErrorCode.ADAPTER_NOT_INSTALLED));
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
