package io.maestro.conductor.demo.payments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded default's demo Stripe account ({@code conductor.demo.payments.*}).
 *
 * @param enabled  start the Stripe sandbox and point the platform's billing instance at it
 * @param tenant   the billing instance's tenant, environment and name (what {@code conductor.billing.instance}
 *                 names; the demo sets that to this default)
 */
@ConfigurationProperties("conductor.demo.payments")
public record DemoPaymentsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("atlas") String tenant,
        @DefaultValue("dev") String environment,
        @DefaultValue("billing") String instance) {}
