package io.maestro.conductor.hub.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.hub.ConductorHubApplication;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.hub.support.HubProperties;
import io.maestro.conductor.hub.support.ResidencyBundle;
import io.maestro.conductor.hub.support.S3StorageInstance;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.Tenant;
import io.maestro.conductor.registry.model.TenantKind;
import io.maestro.conductor.sandbox.S3ProxySandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A hub with the real {@code storage:} component over an in-process S3Proxy, the evidence-upload route, and the
 * real residency policy on residency data of this test's own: tenant {@value #TENANT} may write region eu-west-1
 * data to instance {@code evidence} (bucket {@value #EU_BUCKET}) and us-east-1 data to {@code archive}
 * (bucket {@value #US_BUCKET}). Environment {@value #PROD} has an {@code evidence} instance on the same bucket and key
 * prefix as {@value #ENV}'s, so only the evidence key layout keeps their bundles apart. S3Proxy keeps objects in
 * files (not in the heap), so a subclass may upload more than the heap holds. One Spring context for every subclass
 * run in one JVM.
 */
@SpringBootTest(classes = ConductorHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StorageHub {

    static final String TENANT = "northwind";
    static final String OTHER_TENANT = "contoso";
    static final String ENV = "dev";
    static final String PROD = "prod";
    static final String EU_BUCKET = "northwind-evidence";
    static final String US_BUCKET = "northwind-archive";
    static final String KEY_PREFIX = "northwind/dev";
    static final String SCOPED_USER = "contoso-ci";
    static final String SCOPED_PASSWORD = "contoso-ci-password";
    static final String TENANT_USER = "northwind-ci";
    static final String TENANT_USER_PASSWORD = "northwind-ci-password";
    static final String VIEWER = "storage-viewer";
    static final String VIEWER_PASSWORD = "storage-viewer-password";

    static final S3ProxySandbox S3 = S3ProxySandbox.builder()
            .filesystem(tempDir("storage-hub-s3"))
            .build()
            .start();
    /** A second S3 the operator allows in environment dev only. */
    static final S3ProxySandbox MIRROR_S3 = S3ProxySandbox.startTransient();

    static final Path DATA_DIR = tempDir("storage-hub-data");
    static final Path POLICY_DIR = residencyBundle();
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    Registry registry;

    Api api;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry properties) {
        hubProperties(DATA_DIR).forEach((name, value) -> properties.add(name, () -> value));
    }

    /** The test hub's settings on {@code dataDir}: the evidence route only, this test's residency data. */
    static Map<String, String> hubProperties(Path dataDir) {
        Map<String, String> properties = new LinkedHashMap<>(HubProperties.embeddedDefault(dataDir));
        properties.put("conductor.demo-tenants", "false");
        properties.put(
                "camel.main.routes-include-pattern",
                "file:" + HubProperties.repositoryPath("routes") + "/evidence-upload.yaml");
        // This test's residency data, and the real lifecycle policy for the API's installs and updates.
        properties.put(
                "conductor.policy.bundle-dirs", POLICY_DIR + "," + HubProperties.repositoryPath("governance-policies"));
        properties.put("conductor.evidence.redeliveries", "3");
        properties.put("conductor.evidence.redelivery-delay-ms", "20");
        properties.put("conductor.evidence.max-json-size", "1MB");
        properties.put("conductor.evidence.max-file-size", "4MB");
        properties.put("conductor.evidence.max-bundle-size", "6MB");
        properties.put("conductor.security.users[0].name", SCOPED_USER);
        properties.put("conductor.security.users[0].password", new BCryptPasswordEncoder(4).encode(SCOPED_PASSWORD));
        properties.put("conductor.security.users[0].tenants", OTHER_TENANT);
        properties.put("conductor.security.users[1].name", TENANT_USER);
        properties.put(
                "conductor.security.users[1].password", new BCryptPasswordEncoder(4).encode(TENANT_USER_PASSWORD));
        properties.put("conductor.security.users[1].tenants", TENANT);
        properties.put("conductor.security.users[2].name", VIEWER);
        properties.put("conductor.security.users[2].password", new BCryptPasswordEncoder(4).encode(VIEWER_PASSWORD));
        properties.put("conductor.security.users[2].tenants", "*");
        properties.put("conductor.security.users[2].roles", "viewer");
        properties.put(
                "conductor.endpoints.allowed.s3-storage[0]", S3.endpoint().toString());
        properties.put(
                "conductor.endpoints.environments." + ENV + ".s3-storage[0]",
                MIRROR_S3.endpoint().toString());
        return properties;
    }

    /**
     * A hub of its own on {@code dataDir}, for tests that stop and start hubs: these settings, a free port, then
     * {@code overrides}.
     */
    static ConfigurableApplicationContext startHub(Path dataDir, Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>(hubProperties(dataDir));
        properties.put("server.port", "0");
        properties.putAll(overrides);
        // As command-line arguments: builder properties are defaults, which application.yaml would override.
        String[] args = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ConductorHubApplication.class).run(args);
    }

    static int portOf(ConfigurableApplicationContext hub) {
        return ((WebServerApplicationContext) hub).getWebServer().getPort();
    }

    @BeforeEach
    void tenantWithTwoStoragePods() {
        api = new Api(port);
        if (registry.tenant(TENANT).isEmpty()) {
            prepareTenants(registry);
        }
    }

    /** Tenants {@value #TENANT} (two storage pods in {@value #ENV}, one in {@value #PROD}) and {@value #OTHER_TENANT}. */
    static void prepareTenants(Registry registry) {
        registry.ensureTenant(new Tenant(TENANT, "Northwind", TenantKind.INTERNAL, List.of(ENV, PROD)));
        registry.ensureTenant(new Tenant(OTHER_TENANT, "Contoso", TenantKind.SAAS, List.of(ENV)));
        Actor actor = new Actor("test");
        for (String env : List.of(ENV, PROD)) {
            registry.secrets().put(actor, TENANT, env, "s3-access", S3.accessKey());
            registry.secrets().put(actor, TENANT, env, "s3-secret", S3.secretKey());
        }
        if (!S3.bucketNames().contains(EU_BUCKET)) {
            S3.createBucket(EU_BUCKET);
            S3.createBucket(US_BUCKET);
        }
        install(registry, ENV, "evidence", EU_BUCKET, "eu-west-1");
        install(registry, ENV, "archive", US_BUCKET, "us-east-1");
        install(registry, PROD, "evidence", EU_BUCKET, "eu-west-1");
    }

    private static void install(Registry registry, String env, String name, String bucket, String region) {
        S3StorageInstance.install(registry, TENANT, env, name, S3, bucket, region, KEY_PREFIX);
    }

    String operatorPassword() {
        try {
            return Files.readString(DATA_DIR.resolve("operator-password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Api.Answer asOperator(String method, String path, Object body) {
        return "GET".equals(method)
                ? api.get(path, "operator", operatorPassword())
                : api.postJson(path, "operator", operatorPassword(), body);
    }

    /** A bundle request; {@code files} are name, text pairs. */
    static Map<String, Object> bundle(String bundleId, String region, String... files) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("bundleId", bundleId);
        request.put("region", region);
        request.put("classification", "confidential");
        List<Map<String, String>> list = new ArrayList<>();
        for (int i = 0; i + 1 < files.length; i += 2) {
            list.add(Map.of(
                    "name",
                    files[i],
                    "contentType",
                    "text/plain",
                    "content",
                    Base64.getEncoder().encodeToString(files[i + 1].getBytes())));
        }
        request.put("files", list);
        return request;
    }

    /** Ids of the tenant's EVIDENCE_STORED receipts of this bundle (any environment). */
    List<String> evidenceReceiptsOf(String bundleId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode receipt : asOperator("GET", "/api/tenants/" + TENANT + "/receipts?limit=500", null)
                .json()) {
            if ("EVIDENCE_STORED".equals(receipt.path("action").asText())
                    && bundleId.equals(
                            receipt.path("changeSet").path("bundleId").asText())) {
                ids.add(receipt.path("id").asText());
            }
        }
        return ids;
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bucket and full key of a file of an evidence bundle stored through instance {@code evidence}. */
    static String storedKey(String env, String bundleId, String name) {
        return EU_BUCKET + "/" + KEY_PREFIX + "/evidence/" + env + "/" + bundleId + "/" + name;
    }

    /** Every object key, in every bucket of the sandbox, that belongs to this bundle. */
    static List<String> objectsOf(String bundleId) {
        return S3.bucketNames().stream()
                .flatMap(bucket -> S3.objectKeys(bucket).stream().map(key -> bucket + "/" + key))
                .filter(key -> key.contains("/" + bundleId + "/") && !key.endsWith("/")) // not S3Proxy's folders
                .sorted()
                .toList();
    }

    /** Someone with the bucket's keys, going around the hub. */
    static S3Client directClient() {
        return S3Client.builder()
                .endpointOverride(S3.endpoint())
                .region(Region.of(S3.region()))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(S3.accessKey(), S3.secretKey())))
                .build();
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real residency.rego with this test's data. */
    private static Path residencyBundle() {
        return ResidencyBundle.withData("""
                {"storage_write_actions": ["storage.put_object", "storage.signed_url"],
                 "tenants": {"northwind": {"regions": ["eu-west-1", "us-east-1"],
                                           "pods": {"eu-west-1": ["evidence"], "us-east-1": ["archive"]}}}}
                """);
    }
}
