package io.maestro.conductor.hub.payments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Stripe webhook intake ({@code conductor.payments.*}).
 *
 * @param webhookTolerance  how old a delivery's signed timestamp may be (Stripe's default, 5 minutes): an older one
 *                          is a replay and refused
 * @param webhookRetention  how long processed event ids are kept (Stripe retries for 3 days)
 * @param webhookMaxBodySize  the largest delivery read; a larger one is 413 before it is read (the request body
 *                            limit of the webhook path is set from it in application.yaml)
 */
@ConfigurationProperties("conductor.payments")
public record PaymentsProperties(
        @DefaultValue("5m") Duration webhookTolerance,
        @DefaultValue("4d") Duration webhookRetention,
        @DefaultValue("256KB") DataSize webhookMaxBodySize) {}
