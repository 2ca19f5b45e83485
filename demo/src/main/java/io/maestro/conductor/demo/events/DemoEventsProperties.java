package io.maestro.conductor.demo.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded default's demo event bus ({@code conductor.demo.events.*}).
 *
 * @param enabled     start the Kafka peer and give the demo tenant+environment its event-bus instance
 * @param tenant      the tenant and environment whose instance (named by {@code conductor.events.instance}) the demo
 *                    installs on the peer, so conductor events flow there
 * @param region      the instance's region
 */
@ConfigurationProperties("conductor.demo.events")
public record DemoEventsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("atlas") String tenant,
        @DefaultValue("dev") String environment,
        @DefaultValue("eu-west-1") String region) {}
