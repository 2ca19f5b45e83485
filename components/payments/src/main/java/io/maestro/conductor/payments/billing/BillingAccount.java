package io.maestro.conductor.payments.billing;

/** The Stripe customer a tenant is billed as, and the subscription whose metered price bills its usage. */
public record BillingAccount(String customerId, String subscriptionId) {}
