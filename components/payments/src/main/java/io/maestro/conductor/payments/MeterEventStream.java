package io.maestro.conductor.payments;

import com.stripe.StripeClient;
import com.stripe.model.v2.billing.MeterEventSession;
import com.stripe.param.v2.billing.MeterEventStreamCreateParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Meter events over Stripe's v2 meter event stream: up to {@value #MAX_EVENTS} events a request, authenticated by a
 * meter event session's token (created with the API key, valid 15 minutes, shared by every thread of the instance,
 * renewed a minute before it expires or when Stripe answers {@code billing_meter_event_session_expired}). Each event
 * carries the identifier {@link StripeBackend#recordUsage} would give it, so Stripe keeps it once however often it is
 * sent (a retry, a resumed run). The stream validates events after answering; what it would drop for its timestamp
 * is refused here first.
 */
final class MeterEventStream {

    /** Stripe's limit per stream request. */
    static final int MAX_EVENTS = 100;

    static final String SESSION_EXPIRED = "billing_meter_event_session_expired";
    private static final Duration PAST_WINDOW = Duration.ofDays(35);
    private static final Duration FUTURE_WINDOW = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private final StripeClient client;
    private final StripeBackend backend;
    private final String meterEventName;
    private final Clock clock;
    private MeterEventSession session;

    MeterEventStream(StripeClient client, StripeBackend backend, String meterEventName, Clock clock) {
        this.client = client;
        this.backend = backend;
        this.meterEventName = meterEventName;
        this.clock = clock;
    }

    /**
     * @param batch the context the stream calls are logged and reported under (they carry many tenants' events)
     * @return the events not sent: refused here, or in a request Stripe refused (the others were sent)
     */
    List<StripeBackend.RefusedUsage> send(CallContext batch, List<UsageEvent> events) {
        List<StripeBackend.RefusedUsage> refused = new ArrayList<>();
        List<UsageEvent> chunk = new ArrayList<>(MAX_EVENTS);
        Instant now = clock.instant();
        for (UsageEvent event : events) {
            PaymentsException invalid = check(event, now);
            if (invalid != null) {
                refused.add(new StripeBackend.RefusedUsage(event, invalid));
                continue;
            }
            chunk.add(event);
            if (chunk.size() == MAX_EVENTS) {
                post(batch, chunk, refused);
                chunk = new ArrayList<>(MAX_EVENTS);
            }
        }
        if (!chunk.isEmpty()) {
            post(batch, chunk, refused);
        }
        return refused;
    }

    private PaymentsException check(UsageEvent event, Instant now) {
        try {
            StripeBackend.checkUsage(event.context(), event.customerId(), event.value(), meterEventName);
        } catch (PaymentsException e) {
            return e;
        }
        if (event.timestamp() != null
                && (event.timestamp().isBefore(now.minus(PAST_WINDOW))
                        || event.timestamp().isAfter(now.plus(FUTURE_WINDOW)))) {
            return PaymentsException.of(
                    PaymentsErrorCode.PAYMENTS_REQUEST_INVALID,
                    event.context(),
                    "record_usage needs a timestamp within the past 35 days or 5 minutes ahead");
        }
        return null;
    }

    private void post(CallContext batch, List<UsageEvent> chunk, List<StripeBackend.RefusedUsage> refused) {
        MeterEventStreamCreateParams.Builder params = MeterEventStreamCreateParams.builder();
        for (UsageEvent event : chunk) {
            MeterEventStreamCreateParams.Event.Builder each = MeterEventStreamCreateParams.Event.builder()
                    .setEventName(meterEventName)
                    .setIdentifier(StripeBackend.usageIdentifier(event.context(), event.businessKey()))
                    .putPayload("stripe_customer_id", event.customerId())
                    .putPayload("value", event.value().toPlainString());
            if (event.timestamp() != null) {
                each.setTimestamp(event.timestamp());
            }
            params.addEvent(each.build());
        }
        MeterEventStreamCreateParams built = params.build();
        Map<String, Object> logged = Map.of("event_name", meterEventName, "events", chunk.size());
        try {
            for (int renewed = 0; ; renewed++) {
                String token = token(batch);
                try {
                    backend.call(batch, "record_usage_stream", logged, null, options -> {
                        client.v2()
                                .billing()
                                .meterEventStream()
                                .create(
                                        built,
                                        options.toBuilderFullCopy()
                                                .setApiKey(token)
                                                .build());
                        return null;
                    });
                    return;
                } catch (PaymentsException e) {
                    if (renewed > 0 || !SESSION_EXPIRED.equals(e.stripeCode())) {
                        throw e;
                    }
                    forget(token);
                }
            }
        } catch (PaymentsException e) {
            chunk.forEach(event -> refused.add(new StripeBackend.RefusedUsage(event, e)));
        }
    }

    /** The session's token, from a new session when there is none or it is about to expire. */
    private synchronized String token(CallContext batch) {
        if (session == null || !clock.instant().plus(RENEW_BEFORE).isBefore(session.getExpiresAt())) {
            session = backend.call(
                    batch,
                    "meter_event_session",
                    Map.of(),
                    null,
                    options -> client.v2().billing().meterEventSession().create(options));
        }
        return session.getAuthenticationToken();
    }

    private synchronized void forget(String token) {
        if (session != null && token.equals(session.getAuthenticationToken())) {
            session = null;
        }
    }
}
