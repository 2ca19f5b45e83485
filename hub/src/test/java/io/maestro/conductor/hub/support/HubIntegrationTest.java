package io.maestro.conductor.hub.support;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import io.maestro.conductor.devkit.bundle.SigningKeys;
import io.maestro.conductor.hub.ConductorHubApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One hub for all API tests (Spring caches the context because every subclass shares this
 * configuration): the embedded default on a fresh data dir, the demo tenants of {@code tenant-config/},
 * the routes of {@code routes/} plus {@code test-routes/}, a generated operator password, and one
 * tenant-scoped API user, {@value #ATLAS_USER}, who may see only tenant {@code atlas} (role operator by default),
 * and a team that sees every tenant, one role each (password {@link #TEAM_PASSWORD}): {@value #ALICE} operator,
 * {@value #DANA} operator and approver, {@value #BOB} and {@value #CAROL} approvers, {@value #VICTOR} viewer.
 */
@SpringBootTest(classes = ConductorHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubIntegrationTest {

    public static final String OPERATOR = "operator";
    public static final String ATLAS_USER = "atlas-ci";
    public static final String ATLAS_PASSWORD = "atlas-ci-" + UUID.randomUUID();

    public static final String ALICE = "alice";
    public static final String DANA = "dana";
    public static final String BOB = "bob";
    public static final String CAROL = "carol";
    public static final String VICTOR = "victor";
    public static final String TEAM_PASSWORD = "team-" + UUID.randomUUID();
    private static final String[][] TEAM = {
        {ALICE, "operator"}, {DANA, "operator,approver"}, {BOB, "approver"}, {CAROL, "approver"}, {VICTOR, "viewer"}
    };

    /** The one issuer (and JWKS below it) the operator allows tenant users for scim-identity. */
    public static final String ALLOWED_ISSUER = "http://localhost:9001/realms/atlas";

    protected static final Path DATA_DIR = HubProperties.newDataDir("conductor-hub-test");

    /** The partner whose adapter bundles this hub trusts (conductor.adapters.trusted-keys-file). */
    public static final ECKey PARTNER_KEY = SigningKeys.generate();

    public static final long MAX_BUNDLE_BYTES = 4L * 1024 * 1024;

    @LocalServerPort
    protected int port;

    protected Api api;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HubProperties.embeddedDefault(DATA_DIR).forEach((name, value) -> registry.add(name, () -> value));
        registry.add(
                "camel.main.routes-include-pattern",
                () -> "file:" + HubProperties.repositoryPath("routes") + "/*.yaml,classpath:test-routes/*.yaml");
        registry.add("conductor.adapters.trusted-keys-file", HubIntegrationTest::trustedKeysFile);
        registry.add("conductor.adapters.max-bundle-size", () -> MAX_BUNDLE_BYTES + "B");
        // partner adapters of the notifications category (the hello example) are governed like the others
        registry.add("conductor.governance.policies.notifications", () -> "residency/decision");
        // destinations besides endpoint a tenant user may pick (DestinationAllowlistTest); all on loopback
        registry.add("conductor.endpoints.destinations.scim-identity.issuer[0]", () -> ALLOWED_ISSUER);
        registry.add("conductor.endpoints.destinations.scim-identity.jwksUrl[0]", () -> ALLOWED_ISSUER);
        registry.add(
                "conductor.endpoints.environment-destinations.dev.kafka-eventbus.brokers[0]", () -> "127.0.0.1:9092");
        registry.add(
                "conductor.endpoints.environment-destinations.dev.kafka-eventbus.brokers[1]", () -> "localhost:9093");
        registry.add("conductor.security.users[0].name", () -> ATLAS_USER);
        registry.add("conductor.security.users[0].password", () -> new BCryptPasswordEncoder(4).encode(ATLAS_PASSWORD));
        registry.add("conductor.security.users[0].tenants", () -> "atlas");
        String teamHash = new BCryptPasswordEncoder(4).encode(TEAM_PASSWORD);
        for (int i = 0; i < TEAM.length; i++) {
            String user = "conductor.security.users[" + (i + 1) + "].";
            String[] member = TEAM[i];
            registry.add(user + "name", () -> member[0]);
            registry.add(user + "password", () -> teamHash);
            registry.add(user + "tenants", () -> "*");
            registry.add(user + "roles", () -> member[1]);
        }
    }

    @BeforeEach
    void newClient() {
        api = new Api(port);
    }

    /** The password the hub generated for the operator at first start. */
    protected static String operatorPassword() {
        return HubProperties.operatorPassword(DATA_DIR);
    }

    private static String trustedKeysFile() {
        Path file = DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-trusted-keys.json");
        try {
            Files.writeString(file, new JWKSet(PARTNER_KEY.toPublicJWK()).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }
}
