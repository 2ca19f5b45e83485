package io.maestro.conductor.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Conductor hub: admin API, registry wiring, Camel routes and the Hawtio console in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConductorHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConductorHubApplication.class, args);
    }
}
