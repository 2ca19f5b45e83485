package io.maestro.conductor.hub.payments;

import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.payments.PaymentsException;
import io.maestro.conductor.payments.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook deliveries for a tenant's environment. Open to unauthenticated callers (Stripe has no login):
 * the {@code Stripe-Signature} is the authentication ({@link WebhookIntake}); the body is bounded by
 * {@code conductor.payments.webhook-max-body-size} before it is read.
 */
@RestController
public class PaymentsWebhookController {

    public static final String PATH = "/api/tenants/{tenant}/environments/{environment}/payments/webhooks";

    private final WebhookIntake intake;

    public PaymentsWebhookController(WebhookIntake intake) {
        this.intake = intake;
    }

    /** 200 for a delivery taken in now or before (Stripe stops retrying); 400 problem+json otherwise. */
    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> receive(
            @PathVariable String tenant,
            @PathVariable String environment,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        try {
            WebhookVerifier.Outcome outcome = intake.receive(tenant, environment, payload, signature);
            return Map.of("received", true, "duplicate", outcome == WebhookVerifier.Outcome.DUPLICATE);
        } catch (PaymentsException e) {
            throw new ApiRequestException(HttpStatus.BAD_REQUEST, e.code().name(), e.getMessage());
        }
    }
}
