package io.maestro.conductor.demo.sqs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded default's demo SQS event bus ({@code conductor.demo.sqs.*}).
 *
 * @param enabled     start the ElasticMQ peer and give the demo tenant+environment its event-bus instance on it
 * @param tenant      the tenant and environment whose instance (named by {@code conductor.events.instance}) the demo
 *                    installs on the peer, so their conductor events flow there; another one than the Kafka peer's
 *                    ({@code conductor.demo.events.*}), since a tenant+environment has one event bus
 * @param region      the instance's region
 */
@ConfigurationProperties(prefix = "conductor.demo.sqs", ignoreUnknownFields = false)
public record DemoSqsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("atlas") String tenant,
        @DefaultValue("prod") String environment,
        @DefaultValue("eu-west-1") String region) {}
