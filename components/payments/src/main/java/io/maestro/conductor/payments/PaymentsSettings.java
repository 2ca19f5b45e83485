package io.maestro.conductor.payments;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * The non-secret part of a payments instance: where Stripe is, what usage is billed as, how calls are retried.
 * The API key and webhook secret are secret references resolved separately.
 *
 * @param apiBase        {@code https://api.stripe.com} in production; plain http is accepted on loopback only
 *                       (the sandbox), so a key never crosses a network in clear
 * @param priceId        the (metered) price new subscriptions get when the call names none; may be null
 * @param meterEventName the billing meter's {@code event_name} usage is recorded under; may be null
 */
public record PaymentsSettings(
        URI apiBase,
        String priceId,
        String meterEventName,
        RetryPolicy retry,
        Duration connectTimeout,
        Duration readTimeout) {

    public static final URI STRIPE_API = URI.create("https://api.stripe.com");

    public PaymentsSettings {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (!"https".equals(apiBase.getScheme()) && !("http".equals(apiBase.getScheme()) && isLoopback(apiBase))) {
            throw new IllegalArgumentException(
                    "the API base (config key endpoint) must be https (plain http only on a loopback address)");
        }
    }

    /** Stripe's API, default retries, stripe-java's default timeouts (30 s connect, 80 s read). */
    public static PaymentsSettings of(String priceId, String meterEventName) {
        return new PaymentsSettings(
                STRIPE_API,
                priceId,
                meterEventName,
                RetryPolicy.DEFAULT,
                Duration.ofSeconds(30),
                Duration.ofSeconds(80));
    }

    public PaymentsSettings withApiBase(URI base) {
        return new PaymentsSettings(base, priceId, meterEventName, retry, connectTimeout, readTimeout);
    }

    public PaymentsSettings withRetry(RetryPolicy policy) {
        return new PaymentsSettings(apiBase, priceId, meterEventName, policy, connectTimeout, readTimeout);
    }

    private static boolean isLoopback(URI uri) {
        try {
            return uri.getHost() != null && InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
