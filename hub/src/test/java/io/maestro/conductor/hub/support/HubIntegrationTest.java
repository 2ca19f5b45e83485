package io.maestro.conductor.hub.support;

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
 * tenant-scoped API user, {@value #ATLAS_USER}, who may see only tenant {@code atlas}.
 */
@SpringBootTest(classes = ConductorHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubIntegrationTest {

    public static final String OPERATOR = "operator";
    public static final String ATLAS_USER = "atlas-ci";
    public static final String ATLAS_PASSWORD = "atlas-ci-" + UUID.randomUUID();

    protected static final Path DATA_DIR = newDataDir();

    @LocalServerPort
    protected int port;

    protected Api api;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HubProperties.embeddedDefault(DATA_DIR).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("camel.main.routes-include-pattern",
                () -> "file:" + HubProperties.repositoryPath("routes") + "/*.yaml,classpath:test-routes/*.yaml");
        registry.add("conductor.security.users[0].name", () -> ATLAS_USER);
        registry.add("conductor.security.users[0].password", () -> new BCryptPasswordEncoder(4).encode(ATLAS_PASSWORD));
        registry.add("conductor.security.users[0].tenants", () -> "atlas");
    }

    @BeforeEach
    void newClient() {
        api = new Api(port);
    }

    /** The password the hub generated for the operator at first start. */
    protected static String operatorPassword() {
        try {
            return Files.readString(DATA_DIR.resolve("operator-password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("conductor-hub-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
