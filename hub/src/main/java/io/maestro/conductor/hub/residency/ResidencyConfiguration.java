package io.maestro.conductor.hub.residency;

import io.maestro.conductor.registry.Registry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The residency audit trail. The store needs the registry's schema (migration V50), so it waits for the registry
 * to have opened (and migrated) the database.
 */
@Configuration(proxyBeanMethods = false)
public class ResidencyConfiguration {

    @Bean
    ResidencyDenialStore residencyDenialStore(DataSource dataSource, Registry migrated) {
        return new ResidencyDenialStore(dataSource);
    }

    @Bean
    ResidencyDenialRecorder residencyDenialRecorder(ResidencyDenialStore store, MeterRegistry meters) {
        return new ResidencyDenialRecorder(store, meters, Clock.systemUTC());
    }
}
