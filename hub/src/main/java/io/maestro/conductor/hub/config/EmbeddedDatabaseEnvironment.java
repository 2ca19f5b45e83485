package io.maestro.conductor.hub.config;

import io.maestro.conductor.registry.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Binds the embedded H2 database's AUTO_SERVER port to loopback ({@link EmbeddedDatabase#serveOnLoopbackOnly}). It
 * must happen before H2 loads, so it runs as an environment post-processor, before any bean (registered in
 * {@code META-INF/spring.factories}). The database password is {@link EmbeddedDatabasePassword}'s.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
            EmbeddedDatabase.serveOnLoopbackOnly();
        }
    }
}
