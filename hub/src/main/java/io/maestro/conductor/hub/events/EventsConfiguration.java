package io.maestro.conductor.hub.events;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SQL repository of events the workers have processed (the system of record, not a cache). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConductorEventsProperties.class)
public class EventsConfiguration {

    @Bean
    JdbcMessageIdRepository conductorEventsProcessed(DataSource dataSource) {
        return new JdbcMessageIdRepository(dataSource, "conductor-event-workers");
    }
}
