package io.maestro.conductor.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.hub.support.HubProperties;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code production} profile on the PostgreSQL of {@code CONDUCTOR_TEST_POSTGRES_URL} (in a schema
 * of its own, dropped afterwards): the registry migrates it, no demo tenant is loaded, health is UP.
 */
@EnabledIfEnvironmentVariable(named = "CONDUCTOR_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
class ProductionProfileTest {

    private static final String POSTGRES_URL = System.getenv("CONDUCTOR_TEST_POSTGRES_URL");

    private final String schema = "hub_" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    Path dataDir;

    @BeforeEach
    void createSchema() throws SQLException {
        sql("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        sql("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void runsOnPostgresWithoutDemoData() {
        String password = "production-test-" + UUID.randomUUID();
        List<String> args = new ArrayList<>();
        HubProperties.embeddedDefault(dataDir).forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--spring.profiles.active=production");
        args.add("--spring.datasource.url=" + POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema="
                + schema);
        args.add("--spring.datasource.username=postgres");
        args.add("--conductor.operator.password=" + password);
        args.add("--server.port=0");

        try (ConfigurableApplicationContext hub =
                new SpringApplicationBuilder(ConductorHubApplication.class).run(args.toArray(String[]::new))) {
            Api api = new Api(((WebServerApplicationContext) hub).getWebServer().getPort());
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

    private void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
                Statement st = connection.createStatement()) {
            st.execute(statement);
        }
    }
}
