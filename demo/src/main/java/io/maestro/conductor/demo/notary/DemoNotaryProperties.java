package io.maestro.conductor.demo.notary;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded default's demo notary ({@code conductor.demo.notary.*}): which tenant gets a notary instance on the
 * in-process TSA. The instance's environment and name are those of {@code conductor.notary.receipts} (prod/notary),
 * so the hub seals that tenant's receipts.
 *
 * @param enabled start the TSA and give the tenant its notary instance
 * @param tenant  the demo tenant whose receipts are sealed
 * @param region  the instance's region tag
 */
@ConfigurationProperties("conductor.demo.notary")
public record DemoNotaryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("atlas") String tenant,
        @DefaultValue("eu-west-1") String region) {}
