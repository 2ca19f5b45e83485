package io.maestro.conductor.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Derives the {@code Idempotency-Key} of a call from tenant, environment, operation and the caller's business key
 * (an order id, a billing period, ...): the same business fact always sends the same key, so a retry — by us, by a
 * route's error handler, or after a restart — is answered by Stripe's replay instead of charging twice. The key is
 * a hash, so neither the business key nor the tenant reaches Stripe's logs in clear.
 */
public final class IdempotencyKeys {

    private static final int MAX_BUSINESS_KEY_LENGTH = 512;

    private IdempotencyKeys() {}

    /** {@code cdr-<operation>-<43 chars of base64url SHA-256>}, at most 80 characters. */
    public static String derive(CallContext context, String operation, String businessKey) {
        if (businessKey == null || businessKey.isBlank()) {
            throw PaymentsException.of(
                    PaymentsErrorCode.PAYMENTS_REQUEST_INVALID,
                    context,
                    operation + " needs a business key (header CamelConductorPaymentsBusinessKey): without one a "
                            + "retry could charge twice");
        }
        if (businessKey.length() > MAX_BUSINESS_KEY_LENGTH) {
            throw PaymentsException.of(
                    PaymentsErrorCode.PAYMENTS_REQUEST_INVALID,
                    context,
                    operation + " business key is longer than " + MAX_BUSINESS_KEY_LENGTH + " characters");
        }
        // Length-prefixed parts: ("a:b", "c") and ("a", "b:c") must not collide.
        StringBuilder material = new StringBuilder();
        for (String part : new String[] {context.tenant(), context.environment(), operation, businessKey}) {
            material.append(part.length()).append(':').append(part).append('|');
        }
        return "cdr-" + operation + "-"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(material.toString()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
