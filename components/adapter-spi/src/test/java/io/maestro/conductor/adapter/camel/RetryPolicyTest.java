package io.maestro.conductor.adapter.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import java.time.Duration;
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
}
