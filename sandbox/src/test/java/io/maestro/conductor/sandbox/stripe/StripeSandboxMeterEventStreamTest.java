package io.maestro.conductor.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The v2 meter event stream over plain HTTP, held to Stripe's API reference ("Meter Event Streams v2"): a session
 * created with the secret key gives a token valid 15 minutes; the stream takes that token (not the key), 1 to 100
 * events as JSON, answers {@code {}} and validates events asynchronously (identifiers unique for 24 hours, timestamps
 * within the past 35 days or 5 minutes ahead); an expired token is 401 {@code billing_meter_event_session_expired}.
 */
class StripeSandboxMeterEventStreamTest {

    private static final String KEY = "sk_test_51SandboxStreamKey000003";
    private static final Instant NOW = Instant.ofEpochSecond(1_780_000_000L);

    private final SettableClock clock = new SettableClock(NOW);
    private StripeSandbox sandbox;
    private RawStripeHttp stripe;

    @BeforeEach
    void start() {
        sandbox = StripeSandbox.start(KEY, clock);
        stripe = RawStripeHttp.bearer(sandbox, KEY);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String session() {
        RawStripeHttp.Answer session = stripe.postJson("/v2/billing/meter_event_session", "{}");
        assertThat(session.status()).as(session.raw().body()).isEqualTo(200);
        return session.body().path("authentication_token").asText();
    }

    private RawStripeHttp.Answer stream(String token, String... events) {
        StringJoiner json = new StringJoiner(",", "{\"events\":[", "]}");
        for (String event : events) {
            json.add(event);
        }
        return new RawStripeHttp(sandbox.apiBase(), token == null ? null : "Bearer " + token)
                .postJson("/v2/billing/meter_event_stream", json.toString());
    }

    private static String event(String identifier, String customer, String value, Instant timestamp) {
        return "{\"event_name\":\"api_calls\",\"identifier\":\"" + identifier + "\",\"timestamp\":\"" + timestamp
                + "\",\"payload\":{\"stripe_customer_id\":\"" + customer + "\",\"value\":\"" + value + "\"}}";
    }

    @Test
    void aSessionCreatedWithTheKeyHoldsATokenForFifteenMinutes() {
        RawStripeHttp.Answer session = stripe.postJson("/v2/billing/meter_event_session", "");

        assertThat(session.status()).isEqualTo(200);
        JsonNode body = session.body();
        assertThat(body.path("object").asText()).isEqualTo("v2.billing.meter_event_session");
        assertThat(body.path("id").asText()).isNotEmpty();
        assertThat(body.path("livemode").asBoolean(true)).isFalse();
        assertThat(body.path("authentication_token").asText())
                .hasSizeGreaterThan(20)
                .doesNotContain(KEY);
        assertThat(body.path("created").asText()).isEqualTo("2026-05-28T20:26:40.000Z");
        assertThat(Duration.between(
                        Instant.parse(body.path("created").asText()),
                        Instant.parse(body.path("expires_at").asText())))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(session.header("Request-Id")).startsWith("req_");
    }

    @Test
    void aSessionNeedsTheSecretKeyAndTakesNoParameters() {
        assertThat(new RawStripeHttp(sandbox.apiBase(), null)
                        .postJson("/v2/billing/meter_event_session", "{}")
                        .status())
                .isEqualTo(401);
        assertThat(RawStripeHttp.bearer(sandbox, "sk_test_51SandboxStreamKeyWXYZ")
                        .postJson("/v2/billing/meter_event_session", "{}")
                        .status())
                .isEqualTo(401);
        RawStripeHttp.Answer withParameter = stripe.postJson("/v2/billing/meter_event_session", "{\"livemode\":true}");
        assertThat(withParameter.status()).isEqualTo(400);
        assertThat(withParameter.errorType()).isEqualTo("invalid_request_error");
    }

    @Test
    void theStreamTakesUpToAHundredEventsAndAnswersAnEmptyObject() {
        String token = session();
        String[] hundred = new String[100];
        for (int i = 0; i < hundred.length; i++) {
            hundred[i] = event("idmp_" + i, "cus_" + i, "25", NOW.minusSeconds(60));
        }

        RawStripeHttp.Answer answer = stream(token, hundred);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(answer.body().isObject()).isTrue();
        assertThat(answer.body().isEmpty()).isTrue();
        List<JsonNode> events = sandbox.meterEvents();
        assertThat(events).hasSize(100);
        JsonNode first = events.get(0);
        assertThat(first.path("object").asText()).isEqualTo("billing.meter_event");
        assertThat(first.path("identifier").asText()).isEqualTo("idmp_0");
        assertThat(first.path("event_name").asText()).isEqualTo("api_calls");
        assertThat(first.path("timestamp").asLong())
                .isEqualTo(NOW.minusSeconds(60).getEpochSecond());
        assertThat(first.path("payload").path("stripe_customer_id").asText()).isEqualTo("cus_0");
        assertThat(first.path("payload").path("value").asText()).isEqualTo("25");
    }

    @Test
    void moreThanAHundredEventsOrAMalformedEventIsRefusedWholeInTheV2Envelope() {
        String token = session();
        String[] tooMany = new String[101];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = event("idmp_" + i, "cus_1", "1", NOW);
        }
        List<RawStripeHttp.Answer> refused = List.of(
                stream(token, tooMany),
                stream(token),
                stream(token, event("idmp_ok", "cus_1", "1", NOW), "{\"event_name\":\"api_calls\"}"),
                stream(token, "{\"payload\":{\"stripe_customer_id\":\"cus_1\",\"value\":\"1\"}}"),
                stream(token, "{\"event_name\":\"api_calls\",\"payload\":{\"value\":1}}"),
                stream(token, "{\"event_name\":\"api_calls\",\"timestamp\":1780000000,\"payload\":{\"value\":\"1\"}}"),
                stream(token, "{\"event_name\":\"api_calls\",\"color\":\"red\",\"payload\":{\"value\":\"1\"}}"),
                new RawStripeHttp(sandbox.apiBase(), "Bearer " + token)
                        .postJson("/v2/billing/meter_event_stream", "events=1"));

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
            assertThat(answer.errorType()).isEqualTo("invalid_request_error");
            assertThat(answer.errorCode()).isNotEmpty();
            assertThat(answer.body().path("error").path("message").asText()).isNotEmpty();
        });
        assertThat(sandbox.meterEvents()).isEmpty();
    }

    @Test
    void theStreamTakesASessionTokenNeverTheSecretKey() {
        session();

        RawStripeHttp.Answer withKey = stream(KEY, event("idmp_1", "cus_1", "1", NOW));
        RawStripeHttp.Answer withNothing = stream(null, event("idmp_1", "cus_1", "1", NOW));
        RawStripeHttp.Answer withMadeUp = stream("mets_madeup", event("idmp_1", "cus_1", "1", NOW));

        assertThat(List.of(withKey, withNothing, withMadeUp))
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(401));
        assertThat(withKey.raw().body()).doesNotContain(KEY);
        assertThat(sandbox.meterEvents()).isEmpty();
    }

    @Test
    void aTokenPastItsFifteenMinutesIsRefusedAsExpiredAndANewSessionWorks() {
        String token = session();
        clock.advance(Duration.ofMinutes(15));

        RawStripeHttp.Answer expired = stream(token, event("idmp_1", "cus_1", "1", NOW));

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorType()).isEqualTo("temporary_session_expired");
        assertThat(expired.errorCode()).isEqualTo("billing_meter_event_session_expired");
        assertThat(expired.body().path("error").path("message").asText())
                .isEqualTo("The temporary session token has expired.");
        assertThat(sandbox.meterEvents()).isEmpty();
        assertThat(stream(session(), event("idmp_1", "cus_1", "1", NOW)).status())
                .isEqualTo(200);
        assertThat(sandbox.meterEvents()).hasSize(1);
    }

    @Test
    void aRepeatedIdentifierIsAcceptedButKeptOnceWithin24Hours() {
        String token = session();
        RawStripeHttp.Answer v1 = stripe.post(
                "/v1/billing/meter_events",
                "event_name=api_calls&identifier=idmp_v1&payload[stripe_customer_id]=cus_1&payload[value]=2");
        assertThat(v1.status()).isEqualTo(200);

        RawStripeHttp.Answer first = stream(
                token,
                event("idmp_1", "cus_1", "5", NOW),
                event("idmp_1", "cus_1", "5", NOW),
                event("idmp_v1", "cus_1", "2", NOW));
        RawStripeHttp.Answer again = stream(token, event("idmp_1", "cus_1", "5", NOW));
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        RawStripeHttp.Answer nextDay = stream(session(), event("idmp_1", "cus_1", "5", NOW.plus(Duration.ofHours(24))));

        assertThat(List.of(first, again, nextDay))
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(sandbox.meterEvents())
                .extracting(event -> event.path("identifier").asText())
                .containsExactly("idmp_v1", "idmp_1", "idmp_1");
        assertThat(sandbox.droppedMeterEvents())
                .containsExactly(
                        new DroppedMeterEvent("idmp_1", "duplicate_identifier"),
                        new DroppedMeterEvent("idmp_v1", "duplicate_identifier"),
                        new DroppedMeterEvent("idmp_1", "duplicate_identifier"));
    }

    @Test
    void anEventOutsideTheTimestampWindowIsAcceptedThenDropped() {
        String token = session();

        RawStripeHttp.Answer answer = stream(
                token,
                event("idmp_old", "cus_1", "1", NOW.minus(Duration.ofDays(35)).minusSeconds(1)),
                event("idmp_late", "cus_1", "1", NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)),
                event("idmp_edge", "cus_1", "1", NOW.minus(Duration.ofDays(35))));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(sandbox.meterEvents())
                .extracting(event -> event.path("identifier").asText())
                .containsExactly("idmp_edge");
        assertThat(sandbox.droppedMeterEvents())
                .containsExactly(
                        new DroppedMeterEvent("idmp_old", "timestamp_too_far_in_past"),
                        new DroppedMeterEvent("idmp_late", "timestamp_in_future"));
    }
}
