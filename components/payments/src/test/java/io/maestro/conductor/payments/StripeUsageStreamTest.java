package io.maestro.conductor.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.maestro.conductor.adapter.secret.Secret;
import io.maestro.conductor.sandbox.stripe.DroppedMeterEvent;
import io.maestro.conductor.sandbox.stripe.Fault;
import io.maestro.conductor.sandbox.stripe.RecordedRequest;
import io.maestro.conductor.sandbox.stripe.SettableClock;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StripeBackend#streamUsage}: many tenants' meter events over the sandbox's v2 meter event stream, through
 * stripe-java: 100 a request under one session token, each with the identifier {@code recordUsage} gives the same
 * usage, renewed sessions, retries, and what is refused before sending.
 */
class StripeUsageStreamTest {

    private static final String KEY = "sk_test_51UsageStreamTestKey00042";
    private static final CallContext BATCH = new CallContext("*", "prod", "billing", "run-1");
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

    private final SettableClock clock = new SettableClock(Instant.now());
    private StripeSandbox sandbox;
    private StripeBackend backend;
    private CallLogCapture log;
    private int setupRequests;

    @BeforeEach
    void start() throws Exception {
        sandbox = StripeSandbox.start(KEY, clock);
        String price = MeteredPrice.create(sandbox, KEY, "conductor_calls", 1L);
        backend = new StripeBackend(
                PaymentsSettings.of(price, "conductor_calls")
                        .withApiBase(sandbox.apiBase())
                        .withRetry(FAST),
                new Secret(KEY));
        setupRequests = sandbox.requests().size();
        log = new CallLogCapture();
    }

    @AfterEach
    void stop() {
        log.close();
        sandbox.close();
    }

    private List<RecordedRequest> calls() {
        List<RecordedRequest> all = sandbox.requests();
        return all.subList(setupRequests, all.size());
    }

    private static List<UsageEvent> usage(int tenants, Instant at) {
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            events.add(new UsageEvent(
                    new CallContext("tenant-" + i, "prod", "billing", "run-1"),
                    "billing:2026-11",
                    "cus_tenant" + i,
                    BigDecimal.valueOf(10 + i),
                    at));
        }
        return events;
    }

    @Test
    void twoHundredFiftyTenantsAreThreeStreamRequestsUnderOneSession() {
        List<StripeBackend.RefusedUsage> refused = backend.streamUsage(BATCH, usage(250, clock.instant()));

        assertThat(refused).isEmpty();
        assertThat(calls())
                .extracting(RecordedRequest::path, RecordedRequest::status)
                .containsExactly(
                        tuple("/v2/billing/meter_event_session", 200),
                        tuple("/v2/billing/meter_event_stream", 200),
                        tuple("/v2/billing/meter_event_stream", 200),
                        tuple("/v2/billing/meter_event_stream", 200));
        assertThat(sandbox.meterEvents()).hasSize(250);
        assertThat(sandbox.meterEvents()
                        .get(7)
                        .path("payload")
                        .path("stripe_customer_id")
                        .asText())
                .isEqualTo("cus_tenant7");
        assertThat(sandbox.meterEvents().get(7).path("payload").path("value").asText())
                .isEqualTo("17");
        List<ILoggingEvent> lines = log.lines();
        assertThat(lines).hasSize(4);
        assertThat(CallLogCapture.fields(lines.get(1)))
                .containsEntry("action", "record_usage_stream")
                .containsEntry("tenant", "*")
                .containsEntry("outcome", "success");
        assertThat(CallLogCapture.text(lines.get(1))).contains("events=100").doesNotContain("cus_tenant");
    }

    @Test
    void eachEventCarriesTheIdentifierRecordUsageGivesTheSameUsageSoStripeKeepsItOnce() {
        List<UsageEvent> events = usage(3, clock.instant());
        backend.streamUsage(BATCH, events);
        backend.streamUsage(BATCH, events);
        UsageEvent first = events.get(0);
        PaymentsException again = catchThrowableOfType(
                () -> backend.recordUsage(
                        first.context(), first.businessKey(), first.customerId(), first.value(), first.timestamp()),
                PaymentsException.class);

        assertThat(sandbox.meterEvents())
                .extracting(event -> event.path("identifier").asText())
                .containsExactly(
                        IdempotencyKeys.derive(events.get(0).context(), "record_usage", "billing:2026-11"),
                        IdempotencyKeys.derive(events.get(1).context(), "record_usage", "billing:2026-11"),
                        IdempotencyKeys.derive(events.get(2).context(), "record_usage", "billing:2026-11"));
        assertThat(sandbox.droppedMeterEvents())
                .extracting(DroppedMeterEvent::code)
                .containsOnly("duplicate_identifier")
                .hasSize(3);
        assertThat(again.code()).isEqualTo(PaymentsErrorCode.PAYMENTS_DUPLICATE);
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndTheRequestSentAgain() {
        Instant start = clock.instant();
        backend.streamUsage(BATCH, usage(1, start));
        // Stripe's clock moves past the token's 15 minutes; this process's has not (skew): Stripe says expired.
        clock.advance(Duration.ofMinutes(16));

        List<StripeBackend.RefusedUsage> refused = backend.streamUsage(BATCH, usage(2, start));

        assertThat(refused).isEmpty();
        assertThat(calls())
                .extracting(RecordedRequest::path, RecordedRequest::status)
                .containsExactly(
                        tuple("/v2/billing/meter_event_session", 200),
                        tuple("/v2/billing/meter_event_stream", 200),
                        tuple("/v2/billing/meter_event_stream", 401),
                        tuple("/v2/billing/meter_event_session", 200),
                        tuple("/v2/billing/meter_event_stream", 200));
        assertThat(sandbox.meterEvents()).hasSize(2);
    }

    @Test
    void aLostAnswerOrA503IsRetriedAndTheEventsAreKeptOnce() {
        backend.streamUsage(BATCH, usage(1, clock.instant()));
        sandbox.injectFaults(Fault.RESPONSE_LOST, Fault.SERVER_ERROR);

        List<StripeBackend.RefusedUsage> refused = backend.streamUsage(BATCH, usage(5, clock.instant()));

        assertThat(refused).isEmpty();
        assertThat(sandbox.meterEvents()).hasSize(5);
    }

    @Test
    void eventsStripeWouldDropAreRefusedHereAndTheRestSent() {
        List<UsageEvent> events = new ArrayList<>(usage(3, clock.instant()));
        UsageEvent old = new UsageEvent(
                new CallContext("old", "prod", "billing", "run-1"),
                "billing:2026-09",
                "cus_old",
                BigDecimal.ONE,
                clock.instant().minus(Duration.ofDays(36)));
        UsageEvent negative = new UsageEvent(
                new CallContext("negative", "prod", "billing", "run-1"),
                "billing:2026-11",
                "cus_negative",
                BigDecimal.valueOf(-1),
                clock.instant());
        events.add(old);
        events.add(negative);

        List<StripeBackend.RefusedUsage> refused = backend.streamUsage(BATCH, events);

        assertThat(refused)
                .extracting(
                        each -> each.event().context().tenant(),
                        each -> each.error().code())
                .containsExactlyInAnyOrder(
                        tuple("old", PaymentsErrorCode.PAYMENTS_REQUEST_INVALID),
                        tuple("negative", PaymentsErrorCode.PAYMENTS_REQUEST_INVALID));
        assertThat(sandbox.meterEvents()).hasSize(3);
        assertThat(sandbox.droppedMeterEvents()).isEmpty();
    }

    @Test
    void aRefusedKeyRefusesTheWholeBatchAndNeverShowsTheKeyOrAToken() {
        StripeBackend wrong = new StripeBackend(
                PaymentsSettings.of(null, "conductor_calls")
                        .withApiBase(sandbox.apiBase())
                        .withRetry(FAST),
                new Secret("sk_test_51UsageStreamWrongKey0777"));

        List<StripeBackend.RefusedUsage> refused = wrong.streamUsage(BATCH, usage(3, clock.instant()));

        assertThat(refused)
                .hasSize(3)
                .allSatisfy(each -> assertThat(each.error().code()).isEqualTo(PaymentsErrorCode.PAYMENTS_AUTH_FAILED));
        assertThat(sandbox.meterEvents()).isEmpty();
        assertThat(log.lines())
                .allSatisfy(line -> assertThat(CallLogCapture.text(line))
                        .doesNotContain("sk_test_51UsageStreamWrongKey0777")
                        .doesNotContain("mets_"));
        assertThat(refused.get(0).error().getMessage()).doesNotContain("UsageStreamWrongKey");
    }
}
