package io.maestro.conductor.hub.certification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import io.maestro.conductor.devkit.bundle.SigningKeys;
import io.maestro.conductor.hub.ConductorHubApplication;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.hub.support.Api.Answer;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A hub for the partner adapter review: the real {@code storage:} over an in-process S3Proxy as the review's evidence
 * store, the real residency policy (tenant {@value #PARTNER} may keep eu-west-1 data in its {@code evidence} pod),
 * routes/adapter-review.yaml, the partner key trusted, bundles installed only once certified, and these people (password {@link #PASSWORD}):
 * {@value #PARTNER_USER} operator of {@value #PARTNER} only, {@value #OTHER_USER} operator of {@value #OTHER} only,
 * {@value #RITA} and {@value #ROB} approvers of every tenant, {@value #SAM} operator and approver of every tenant,
 * {@value #OTTO} operator of every tenant, {@value #VIC} viewer of every tenant, {@value #PAULA} approver of
 * {@value #PARTNER} only, {@value #GINA} approver of {@value #OTHER} only. One Spring context for every subclass.
 */
@SpringBootTest(classes = ConductorHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ReviewHub {

    static final String PARTNER = "partnerco";
    static final String OTHER = "globex";
    static final String ENV = "dev";
    static final String BUCKET = "partnerco-review";
    static final String KEY_PREFIX = "partnerco/dev";

    static final String PARTNER_USER = "partner-ci";
    static final String OTHER_USER = "globex-ci";
    static final String RITA = "rita";
    static final String ROB = "rob";
    static final String SAM = "sam";
    static final String OTTO = "otto";
    static final String VIC = "vic";
    static final String PAULA = "paula";
    static final String GINA = "gina";
    static final String SUBMIT = "/api/tenants/" + PARTNER + "/environments/" + ENV + "/adapter-certifications";
    static final String CERTIFICATIONS = "/api/tenants/" + PARTNER + "/adapter-certifications";
    static final String PASSWORD = "review-" + UUID.randomUUID();

    static final long MAX_BUNDLE_BYTES = 4L * 1024 * 1024;
    static final ECKey PARTNER_KEY = SigningKeys.generate();
    static final S3ProxySandbox S3 = S3ProxySandbox.startTransient();
    static final Path DATA_DIR = HubProperties.newDataDir("review-hub");
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    Registry registry;

    Api api;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry properties) {
        properties(DATA_DIR).forEach((name, value) -> properties.add(name, () -> value));
    }

    /** This hub's settings on {@code dataDir}; also for a hub a test starts (and stops) itself. */
    static Map<String, String> properties(Path dataDir) {
        Map<String, String> p = new LinkedHashMap<>(HubProperties.embeddedDefault(dataDir));
        p.put("conductor.demo-tenants", "false");
        p.put(
                "camel.main.routes-include-pattern",
                "file:" + HubProperties.repositoryPath("routes") + "/adapter-review.yaml");
        p.put(
                "conductor.policy.bundle-dirs",
                policyBundle() + "," + HubProperties.repositoryPath("governance-policies"));
        // the hello example's calls are governed like a storage call (as HubIntegrationTest does)
        p.put("conductor.governance.policies.notifications", "residency/decision");
        p.put("conductor.adapters.trusted-keys-file", trustedKeys(dataDir).toString());
        p.put("conductor.adapters.max-bundle-size", MAX_BUNDLE_BYTES + "B");
        p.put("conductor.adapters.require-certification", "true");
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        String[][] people = {
            {PARTNER_USER, PARTNER, "operator"},
            {OTHER_USER, OTHER, "operator"},
            {RITA, "*", "approver"},
            {ROB, "*", "approver"},
            {SAM, "*", "operator,approver"},
            {OTTO, "*", "operator"},
            {VIC, "*", "viewer"},
            {PAULA, PARTNER, "approver"},
            {GINA, OTHER, "approver"}
        };
        for (int i = 0; i < people.length; i++) {
            String user = "conductor.security.users[" + i + "].";
            p.put(user + "name", people[i][0]);
            p.put(user + "password", hash);
            p.put(user + "tenants", people[i][1]);
            p.put(user + "roles", people[i][2]);
        }
        return p;
    }

    @BeforeEach
    void partnerTenant() {
        api = new Api(port);
        prepare(registry);
    }

    /** Tenants {@value #PARTNER} (with its {@code evidence} storage instance in {@value #ENV}) and {@value #OTHER}. */
    static void prepare(Registry registry) {
        if (registry.tenant(PARTNER).isPresent()) {
            return;
        }
        registry.ensureTenant(new Tenant(PARTNER, "Partner Co", TenantKind.SAAS, List.of(ENV)));
        registry.ensureTenant(new Tenant(OTHER, "Globex", TenantKind.SAAS, List.of(ENV)));
        Actor actor = new Actor("test");
        registry.secrets().put(actor, PARTNER, ENV, "s3-access", S3.accessKey());
        registry.secrets().put(actor, PARTNER, ENV, "s3-secret", S3.secretKey());
        if (!S3.bucketNames().contains(BUCKET)) {
            S3.createBucket(BUCKET);
        }
        S3StorageInstance.install(registry, PARTNER, ENV, "evidence", S3, BUCKET, "eu-west-1", KEY_PREFIX);
    }

    /** Object keys of the review bucket under {@code adapter-review/<name>/<version>/}. */
    static List<String> evidenceObjects(String name, String version) {
        return S3.objectKeys(BUCKET).stream()
                .filter(key -> key.startsWith(KEY_PREFIX + "/adapter-review/" + name + "/" + version + "/"))
                .filter(key -> !key.endsWith("/"))
                .sorted()
                .toList();
    }

    Answer submit(byte[] bundle, String user) {
        return api.postBytes(SUBMIT, user, PASSWORD, "application/zip", bundle);
    }

    String marketplaceBadge(String name, String version) {
        for (JsonNode entry : api.get("/api/marketplace", VIC, PASSWORD).json()) {
            if (entry.path("name").asText().equals(name)
                    && entry.path("version").asText().equals(version)) {
                return entry.path("badge").asText();
            }
        }
        return null;
    }

    /** The real residency.rego, with data that lets {@value #PARTNER} keep eu-west-1 data in its evidence pod. */
    private static Path policyBundle() {
        return ResidencyBundle.withData("""
                {"storage_write_actions": ["storage.put_object"],
                 "tenants": {"partnerco": {"regions": ["eu-west-1"], "pods": {"eu-west-1": ["evidence"]}}}}
                """);
    }

    private static Path trustedKeys(Path dataDir) {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-trusted-keys.json");
        try {
            Files.writeString(file, new JWKSet(PARTNER_KEY.toPublicJWK()).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
