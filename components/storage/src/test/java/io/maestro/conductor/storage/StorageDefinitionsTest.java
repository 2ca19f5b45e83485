package io.maestro.conductor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.config.DefinitionGenerator;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.adapter.testing.InMemorySecretResolver;
import io.maestro.conductor.registry.config.ConfigVariables;
import io.maestro.conductor.storage.gcs.ServiceAccountGcsClientFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The storage config is declared once: the shipped definitions are generated from it, the demo tenants' instances
 * parse with it, and the GCS project that the schema leaves optional is found where the factory looks.
 */
class StorageDefinitionsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theJarShipsTheDefinitionsGeneratedFromTheDeclarations() throws Exception {
        try (var shipped =
                StorageDefinitionsTest.class.getResourceAsStream("/" + DefinitionGenerator.DEFINITIONS_FILE)) {
            assertThat(new String(shipped.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(DefinitionGenerator.yaml(new StorageDefinitions()));
        }
    }

    @Test
    void everyDemoTenantsStorageInstanceParses() throws Exception {
        int parsed = 0;
        try (DirectoryStream<Path> files =
                Files.newDirectoryStream(repositoryRoot().resolve("tenant-config"), "*.yaml")) {
            for (Path file : files) {
                JsonNode tenant = YAML.readTree(file.toFile());
                for (var env : iterable(tenant.path("environments").fields())) {
                    for (var adapter : iterable(env.getValue().path("adapters").fields())) {
                        String backend = adapter.getValue().path("definition").asText();
                        if (!backend.endsWith("-storage")) {
                            continue;
                        }
                        Map<String, String> config = new HashMap<>();
                        // Resolved as the tenant-config loader does, with every ${NAME:-default} at its default.
                        ConfigVariables.resolve(adapter.getValue().path("config"), name -> null, file.toString())
                                .fields()
                                .forEachRemaining(field -> config.put(
                                        field.getKey(), field.getValue().asText()));
                        StorageInstanceConfig.of(new ResolvedInstance(
                                new InstanceRef(tenant.path("id").asText(), env.getKey(), adapter.getKey()),
                                "storage",
                                backend,
                                1,
                                null,
                                "medium",
                                "confidential",
                                config));
                        parsed++;
                    }
                }
            }
        }
        assertThat(parsed).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aGcsInstanceWithoutProjectIdUsesTheProjectOfItsServiceAccountKey() throws Exception {
        ResolvedInstance lumen = gcs(Map.of());

        var storage = new ServiceAccountGcsClientFactory()
                .create(lumen, StorageInstanceConfig.of(lumen), secrets(serviceAccountKey("lumen-platform")));

        assertThat(storage.getOptions().getProjectId()).isEqualTo("lumen-platform");
    }

    @Test
    void projectIdInTheConfigWinsAndAProjectFromNowhereIsConfigInvalid() throws Exception {
        ResolvedInstance named = gcs(Map.of(StorageDefinitions.PROJECT_ID, "atlas-platform"));
        assertThat(new ServiceAccountGcsClientFactory()
                        .create(named, StorageInstanceConfig.of(named), secrets(serviceAccountKey("lumen-platform")))
                        .getOptions()
                        .getProjectId())
                .isEqualTo("atlas-platform");

        ResolvedInstance nowhere = gcs(Map.of());
        assertThatThrownBy(() -> new ServiceAccountGcsClientFactory()
                        .create(nowhere, StorageInstanceConfig.of(nowhere), secrets(serviceAccountKey(null))))
                .isInstanceOfSatisfying(
                        AdapterException.class, e -> assertThat(e.code()).isEqualTo(SpiErrorCode.CONFIG_INVALID))
                .hasMessageContaining("projectId");
    }

    @Test
    void aKeyThatIsNoServiceAccountKeyIsConfigInvalidAndNotEchoed() {
        ResolvedInstance instance = gcs(Map.of());
        assertThatThrownBy(() -> new ServiceAccountGcsClientFactory()
                        .create(instance, StorageInstanceConfig.of(instance), secrets("generated-not-json-XYZ")))
                .isInstanceOfSatisfying(
                        AdapterException.class, e -> assertThat(e.code()).isEqualTo(SpiErrorCode.CONFIG_INVALID))
                .hasMessageNotContaining("generated-not-json-XYZ");
    }

    private static ResolvedInstance gcs(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                StorageDefinitions.BUCKET,
                "lumen-dev-evidence",
                StorageDefinitions.REGION,
                "europe-west1",
                StorageDefinitions.SERVICE_ACCOUNT_KEY,
                "secret:sa"));
        config.putAll(extra);
        return new ResolvedInstance(
                new InstanceRef("lumen", "dev", "evidence"),
                "storage",
                StorageComponent.BACKEND_GCS,
                1,
                "europe-west1",
                "medium",
                "confidential",
                config);
    }

    private static InstanceSecrets secrets(String key) {
        return new InstanceSecrets(gcs(Map.of()), new InMemorySecretResolver().put("lumen", "dev", "sa", key));
    }

    /** A service-account JSON key as Google issues them, with a freshly generated private key. */
    private static String serviceAccountKey(String projectId) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder()
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> key = new HashMap<>(Map.of(
                "type",
                "service_account",
                "private_key_id",
                "k1",
                "private_key",
                pem,
                "client_email",
                "storage@example.iam.gserviceaccount.com",
                "client_id",
                "1"));
        if (projectId != null) {
            key.put("project_id", projectId);
        }
        return new ObjectMapper().writeValueAsString(key);
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("tenant-config"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no tenant-config/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
