package io.maestro.conductor.payments;

/**
 * Which webhook events a tenant's environment has processed, so a redelivered event is processed once. A claim is
 * taken before processing and released if processing fails, so Stripe's next retry is processed again.
 */
public interface ProcessedWebhookEvents {

    /** True when this event was not processed nor being processed; it is then claimed. */
    boolean claim(String tenant, String environment, String eventId);

    /** Gives up a claim whose processing failed. */
    void release(String tenant, String environment, String eventId);
}
