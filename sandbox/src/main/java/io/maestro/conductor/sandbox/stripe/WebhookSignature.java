package io.maestro.conductor.sandbox.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature: header {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>} where the
 * HMAC is keyed with the endpoint's whole signing secret ({@code whsec_...}) over {@code "<t>.<payload>"}.
 */
public final class WebhookSignature {

    private WebhookSignature() {}

    public static String header(String payload, String secret, long timestamp) {
        return "t=" + timestamp + ",v1=" + hmacSha256(secret, timestamp + "." + payload);
    }

    static String hmacSha256(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
