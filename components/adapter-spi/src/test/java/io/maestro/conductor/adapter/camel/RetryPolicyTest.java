package io.maestro.conductor.adapter.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(1));

    @Test
    void theBackoffDoublesUpToTheCap() {
        RetryPolicy slow = new RetryPolicy(30, Duration.ofMillis(500));
        assertThat(slow.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(slow.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(slow.backoff(30)).isEqualTo(RetryPolicy.MAX_BACKOFF);
    }

    @Test
    void transientFailuresAreRetriedWithTheAttemptsNumber() {
        List<Integer> attempts = new ArrayList<>();
        String answer = policy.run(attempt -> {
            attempts.add(attempt);
            if (attempt < 3) {
                throw new AdapterException(SpiErrorCode.POLICY_UNAVAILABLE, "a/b/c", "not yet");
            }
            return "done on " + attempt;
        });
        assertThat(answer).isEqualTo("done on 3");
        assertThat(attempts).containsExactly(1, 2, 3);
    }

    @Test
    void theLastTransientFailureLeavesWhenTheRetriesAreSpent() {
        List<Integer> attempts = new ArrayList<>();
        assertThatThrownBy(() -> policy.run(attempt -> {
                    attempts.add(attempt);
                    throw new AdapterException(SpiErrorCode.POLICY_UNAVAILABLE, "a/b/c", "try " + attempt);
                }))
                .hasMessageContaining("try 3");
        assertThat(attempts).hasSize(3);
    }

    @Test
    void anyOtherFailureEndsTheCallAtOnce() {
        List<Integer> attempts = new ArrayList<>();
        assertThatThrownBy(() -> policy.run(attempt -> {
                    attempts.add(attempt);
                    throw new AdapterException(SpiErrorCode.CONFIG_INVALID, "a/b/c", "broken");
                }))
                .isInstanceOf(AdapterException.class);
        assertThat(attempts).containsExactly(1);
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsWaitedAndOneBeyondTheCapEndsTheCall() {
        List<Long> startedAt = new ArrayList<>();
        String answer = policy.run(attempt -> {
            startedAt.add(System.nanoTime());
            if (attempt == 1) {
                throw new AdapterException(SpiErrorCode.POLICY_UNAVAILABLE, "a/b/c", "throttled")
                        .retryAfter(Duration.ofMillis(300));
            }
            return "done";
        });
        assertThat(answer).isEqualTo("done");
        assertThat(Duration.ofNanos(startedAt.get(1) - startedAt.get(0)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(policy.wait(1, null)).isEqualTo(Duration.ofMillis(1));

        List<Integer> attempts = new ArrayList<>();
        assertThatThrownBy(() -> policy.run(attempt -> {
                    attempts.add(attempt);
                    throw new AdapterException(SpiErrorCode.POLICY_UNAVAILABLE, "a/b/c", "come back in an hour")
                            .retryAfter(Duration.ofHours(1));
                }))
                .hasMessageContaining("come back in an hour");
        assertThat(attempts)
                .as("no retry when the backend asks for more than the cap")
                .containsExactly(1);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T20:00:00Z"), ZoneOffset.UTC);
        assertThat(HttpStatusCodes.retryAfter("7", clock)).isEqualTo(Duration.ofSeconds(7));
        assertThat(HttpStatusCodes.retryAfter("Thu, 03 Dec 2026 20:01:30 GMT", clock))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(HttpStatusCodes.retryAfter("Thu, 03 Dec 2026 19:00:00 GMT", clock))
                .isEqualTo(Duration.ZERO);
        assertThat(HttpStatusCodes.retryAfter("soon", clock)).isNull();
        assertThat(HttpStatusCodes.retryAfter(null, clock)).isNull();
        assertThat(HttpStatusCodes.retryAfter("99999999999999999999", clock)).isGreaterThan(RetryPolicy.MAX_BACKOFF);
    }
}
