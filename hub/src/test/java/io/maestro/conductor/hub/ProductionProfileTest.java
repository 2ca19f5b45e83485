package io.maestro.conductor.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.hub.support.HubProperties;
import io.maestro.conductor.registry.support.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code production} profile on the tests' PostgreSQL (a schema of its own, dropped afterwards): the registry
 * migrates it, no demo tenant is loaded, health is UP.
 */
class ProductionProfileTest {

    @TempDir
    Path dataDir;

    @Test
    void runsOnPostgresWithoutDemoData() throws SQLException {
        String password = "production-test-" + UUID.randomUUID();
        try (TestDatabase database = TestDatabase.postgres()) {
            List<String> args = new ArrayList<>();
            HubProperties.embeddedDefault(dataDir).forEach((name, value) -> args.add("--" + name + "=" + value));
            args.add("--spring.profiles.active=production");
            args.add("--spring.datasource.url=" + database.url());
            args.add("--spring.datasource.username=postgres");
            args.add("--conductor.operator.password=" + password);
            args.add("--server.port=0");

            try (ConfigurableApplicationContext hub =
                    new SpringApplicationBuilder(ConductorHubApplication.class).run(args.toArray(String[]::new))) {
                Api api = new Api(
                        ((WebServerApplicationContext) hub).getWebServer().getPort());
                assertThat(api.get("/actuator/health", "operator", password)
                                .json()
                                .path("components")
                                .path("db")
                                .path("details")
                                .path("database")
                                .asText())
                        .isEqualTo("PostgreSQL");
                assertThat(api.get("/api/tenants", "operator", password).body()).isEqualTo("[]");
                assertThat(dataDir.resolve("operator-password")).doesNotExist();
            }
        }
    }
}
