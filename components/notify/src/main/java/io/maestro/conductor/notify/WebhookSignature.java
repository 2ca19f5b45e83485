package io.maestro.conductor.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How Conductor signs webhooks, and the check a receiver runs (Stripe's scheme): header
 * {@value #HEADER}{@code : t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + raw body)>}. The timestamp is
 * signed with the body, so a captured delivery replayed after the tolerance is refused; the receiver also drops an
 * {@value #EVENT_ID_HEADER} it has seen (retries carry the same id). Partners may copy this class: it needs only the
 * JDK.
 */
public final class WebhookSignature {

    public static final String HEADER = "Conductor-Signature";
    public static final String EVENT_ID_HEADER = "Conductor-Event-Id";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {}

    /** The header value for {@code payload} signed at {@code unixSeconds}. */
    public static String sign(byte[] payload, String secret, long unixSeconds) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(payload, secret, unixSeconds));
    }

    /**
     * Checks a delivery: the raw body exactly as received, the {@value #HEADER} header, the endpoint's secret.
     * Accepts any {@code v1} that matches (a sender rotating its secret signs with both).
     *
     * @throws Invalid with the reason, when the header is missing or malformed, no signature matches, or the
     *     timestamp is further than {@code tolerance} from now
     */
    public static void verify(byte[] payload, String header, String secret, Duration tolerance, Clock clock) {
        if (header == null || header.isBlank()) {
            throw new Invalid("no " + HEADER + " header");
        }
        Long timestamp = null;
        boolean matched = false;
        String[] parts = header.split(",");
        for (String part : parts) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && "t".equals(pair[0])) {
                try {
                    timestamp = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    throw new Invalid("malformed timestamp");
                }
            }
        }
        if (timestamp == null) {
            throw new Invalid("no timestamp in " + HEADER);
        }
        byte[] expected = hmac(payload, secret, timestamp);
        for (String part : parts) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && "v1".equals(pair[0]) && pair[1].matches("[0-9a-fA-F]{64}")) {
                matched |= MessageDigest.isEqual(expected, HexFormat.of().parseHex(pair[1]));
            }
        }
        if (!matched) {
            throw new Invalid("no signature matches the body and secret");
        }
        long age = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (age > tolerance.toSeconds()) {
            throw new Invalid("timestamp outside the tolerance (" + tolerance.toSeconds() + " s)");
        }
    }

    private static byte[] hmac(byte[] payload, String secret, long unixSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** A delivery that fails verification; the message says why and never holds the secret or the body. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String reason) {
            super(reason);
        }
    }
}
