package io.maestro.conductor.hub.config;

import io.maestro.conductor.registry.EmbeddedDatabase;
import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Gives the embedded H2 file database the password kept in {@code <data-dir>/db-password} (generated on first start,
 * owner-only) unless {@code spring.datasource.password} is set, first setting it on a database a hub created before
 * passwords. Works on the bound {@link DataSourceProperties}, so it sees every property source, tests' included,
 * and runs before the data source connects. The data dir is made owner-only first.
 */
public class EmbeddedDatabasePassword implements BeanPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties datasource
                && datasource.getUrl() != null
                && datasource.getUrl().startsWith("jdbc:h2:file:")
                && !StringUtils.hasLength(datasource.getPassword())) {
            Path dataDir = Path.of(environment.getProperty("conductor.data-dir", "./data"));
            DataDirectory.secure(dataDir);
            String password = EmbeddedDatabase.password(dataDir);
            EmbeddedDatabase.protectUnprotected(datasource.getUrl(), password);
            datasource.setPassword(password);
        }
        return bean;
    }
}
