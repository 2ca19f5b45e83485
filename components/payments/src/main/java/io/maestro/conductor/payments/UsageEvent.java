package io.maestro.conductor.payments;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One meter event for {@link StripeBackend#streamUsage}: whose usage (the call context's tenant), the business key
 * its identifier derives from (the same identifier {@link StripeBackend#recordUsage} gives that usage), the Stripe
 * customer, the value and the time it is stamped with.
 */
public record UsageEvent(
        CallContext context, String businessKey, String customerId, BigDecimal value, Instant timestamp) {}
