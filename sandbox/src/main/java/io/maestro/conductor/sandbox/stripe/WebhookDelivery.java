package io.maestro.conductor.sandbox.stripe;

/**
 * One signed POST of an event to a webhook endpoint, as sent: the exact payload and {@code Stripe-Signature}
 * header, and the HTTP status the endpoint answered ({@code -1} when it could not be reached).
 */
public record WebhookDelivery(
        String url, String eventId, String eventType, String payload, String signatureHeader, int status) {}
