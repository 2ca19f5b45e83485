package io.maestro.conductor.payments;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.maestro.conductor.adapter.secret.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Takes in one Stripe webhook delivery for a tenant's environment: the {@code Stripe-Signature} is verified with
 * stripe-java's {@link Webhook#constructEvent} against the instance's signing secret, a timestamp older than the
 * tolerance is refused (a captured delivery cannot be replayed later), and an event already processed is not
 * processed again (Stripe delivers at least once).
 */
public final class WebhookVerifier {

    /** What became of a delivery that passed verification. */
    public enum Outcome {
        PROCESSED,
        DUPLICATE
    }

    private final Duration tolerance;
    private final Clock clock;
    private final ProcessedWebhookEvents processed;

    public WebhookVerifier(Duration tolerance, Clock clock, ProcessedWebhookEvents processed) {
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("the tolerance must be positive: zero would accept any old replay");
        }
        this.tolerance = tolerance;
        this.clock = clock;
        this.processed = processed;
    }

    /** Stripe's default tolerance, five minutes. */
    public static WebhookVerifier withDefaults(Clock clock, ProcessedWebhookEvents processed) {
        return new WebhookVerifier(Duration.ofSeconds(Webhook.DEFAULT_TOLERANCE), clock, processed);
    }

    /**
     * Verifies the delivery and, the first time its event is seen, hands it to {@code handler}. A handler that
     * throws leaves the event unprocessed, so Stripe's retry is handled again.
     *
     * @throws PaymentsException {@code PAYMENTS_SIGNATURE_INVALID} (missing, malformed or wrong signature, or too
     *                           old), {@code PAYMENTS_REQUEST_INVALID} (signed, but not an event)
     */
    public Outcome receive(
            String tenant,
            String environment,
            String payload,
            String signatureHeader,
            Secret secret,
            Consumer<Event> handler) {
        Event event = verify(payload, signatureHeader, secret);
        if (!processed.claim(tenant, environment, event.getId())) {
            return Outcome.DUPLICATE;
        }
        try {
            handler.accept(event);
        } catch (RuntimeException e) {
            processed.release(tenant, environment, event.getId());
            throw e;
        }
        return Outcome.PROCESSED;
    }

    private Event verify(String payload, String signatureHeader, Secret secret) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new PaymentsException(
                    PaymentsErrorCode.PAYMENTS_SIGNATURE_INVALID, null, "no Stripe-Signature header");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, secret.reveal(), tolerance.toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            // stripe-java's reasons are fixed texts ("Timestamp outside the tolerance zone", ...): no secret in them.
            throw new PaymentsException(PaymentsErrorCode.PAYMENTS_SIGNATURE_INVALID, null, e.getMessage());
        } catch (RuntimeException e) {
            // Gson's parse errors: the signature held, the body is not JSON.
            throw new PaymentsException(
                    PaymentsErrorCode.PAYMENTS_REQUEST_INVALID, null, "the signed payload is not JSON");
        }
        if (event == null || event.getId() == null || event.getType() == null) {
            throw new PaymentsException(
                    PaymentsErrorCode.PAYMENTS_REQUEST_INVALID, null, "the signed payload is not a Stripe event");
        }
        return event;
    }
}
