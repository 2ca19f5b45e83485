package io.maestro.conductor.policy.pdp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.maestro.conductor.policy.rego.RegoEngine;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Reuse of pure decisions: same answers, own ids and log entries, never across engines, never when impure. */
class DecisionCacheTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final Logger logger = (Logger) LoggerFactory.getLogger(DecisionLog.LOGGER);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    @Test
    void theSamePureQueryIsAnsweredFromTheCacheWithItsOwnIdAndLogEntry() {
        EmbeddedDecisionPoint pdp = pdp(10, "package t\nallow if input.user == \"alice\"");

        Decision first = pdp.decide(request("{\"user\": \"alice\"}"));
        Decision second = pdp.decide(request("{\"user\": \"alice\"}"));

        assertThat(first.allowed()).isTrue();
        assertThat(second.allowed()).isTrue();
        assertThat(second.result()).isEqualTo(first.result());
        assertThat(second.decisionId()).isNotEqualTo(first.decisionId());
        assertThat(pdp.cacheStats()).isEqualTo(new DecisionCacheStats(1, 1, 1));
        assertThat(logged.list).hasSize(2);
        assertThat(logged.list.get(1).getFormattedMessage()).contains(second.decisionId());
    }

    @Test
    void anotherInputOrPathIsEvaluated() {
        EmbeddedDecisionPoint pdp = pdp(10, "package t\nallow if input.user == \"alice\"\nname := input.user");

        assertThat(pdp.decide(request("{\"user\": \"alice\"}")).allowed()).isTrue();
        assertThat(pdp.decide(request("{\"user\": \"bob\"}")).allowed()).isFalse();
        assertThat(pdp.decide(DecisionRequest.ofJson("t/name", "{\"user\": \"alice\"}"))
                        .result())
                .hasValueSatisfying(v -> assertThat(v.toString()).contains("alice"));

        assertThat(pdp.cacheStats().hits()).isZero();
        assertThat(pdp.cacheStats().misses()).isEqualTo(3);
    }

    @Test
    void aSwappedEngineNeverAnswersWithTheOldPolicysResult() {
        EmbeddedDecisionPoint pdp = pdp(10, "package t\nallow if input.user == \"alice\"");
        assertThat(pdp.decide(request("{\"user\": \"alice\"}")).allowed()).isTrue();
        assertThat(pdp.decide(request("{\"user\": \"alice\"}")).allowed()).isTrue();

        pdp.swap(engine("package t\nallow if input.user == \"bob\""));

        assertThat(pdp.decide(request("{\"user\": \"alice\"}")).allowed()).isFalse();
        DecisionCacheStats stats = pdp.cacheStats();
        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.misses()).isEqualTo(2);
        assertThat(stats.size()).isEqualTo(1);
    }

    @Test
    void queriesThatReadTheClockOrDrawRandomValuesAreNeverReused() {
        EmbeddedDecisionPoint clock = pdp(10, "package t\nallow if time.now_ns() > input.after");
        EmbeddedDecisionPoint random = pdp(10, "package t\nallow if rand.intn(\"x\", 10) >= input.after");
        EmbeddedDecisionPoint runtime = pdp(10, "package t\nallow if opa.runtime() == opa.runtime()");
        EmbeddedDecisionPoint printing = pdp(10, "package t\nallow if { print(\"checked\"); input.after >= 0 }");

        for (EmbeddedDecisionPoint pdp : List.of(clock, random, runtime, printing)) {
            for (int i = 0; i < 3; i++) {
                assertThat(pdp.decide(request("{\"after\": 0}")).allowed()).isTrue();
            }
            assertThat(pdp.cacheStats()).isEqualTo(new DecisionCacheStats(0, 3, 0));
        }
    }

    @Test
    void queriesThatResolveANameAreEvaluatedEveryTime() {
        EmbeddedDecisionPoint pdp =
                pdp(10, "package t\nallow if count(net.lookup_ip_addr(\"localhost\")) > input.after");

        for (int i = 0; i < 3; i++) {
            assertThat(pdp.decide(request("{\"after\": 0}")).allowed()).isTrue();
        }
        assertThat(pdp.cacheStats()).isEqualTo(new DecisionCacheStats(0, 3, 0));
    }

    @Test
    void anUndefinedResultIsReusedButAFailedEvaluationIsNot() {
        EmbeddedDecisionPoint undefined = pdp(10, "package t\nallow if input.user == \"alice\"\nother := 1");
        undefined.decide(DecisionRequest.ofJson("t/missing", "{}"));
        assertThat(undefined.decide(DecisionRequest.ofJson("t/missing", "{}")).code())
                .contains(Decision.POLICY_UNAVAILABLE);
        assertThat(undefined.cacheStats().hits()).isEqualTo(1);

        // two values for one complete rule: an evaluation error, a deny that must be re-evaluated next time
        EmbeddedDecisionPoint conflict = pdp(10, "package t\nallow := true if input.x\nallow := false if input.x");
        for (int i = 0; i < 2; i++) {
            assertThat(conflict.decide(request("{\"x\": true}")).code()).contains(Decision.POLICY_UNAVAILABLE);
        }
        assertThat(conflict.cacheStats()).isEqualTo(new DecisionCacheStats(0, 2, 0));
    }

    @Test
    void theCacheStaysWithinItsBoundAndSizeZeroTurnsReuseOff() {
        EmbeddedDecisionPoint bounded = pdp(5, "package t\nallow if input.n >= 0");
        for (int n = 0; n < 50; n++) {
            bounded.decide(request("{\"n\": " + n + "}"));
        }
        assertThat(bounded.cacheStats().size()).isLessThanOrEqualTo(5);

        EmbeddedDecisionPoint off = pdp(0, "package t\nallow if input.n >= 0");
        for (int i = 0; i < 3; i++) {
            assertThat(off.decide(request("{\"n\": 1}")).allowed()).isTrue();
        }
        assertThat(off.cacheStats().hits()).isZero();
        assertThat(off.cacheStats().size()).isZero();
    }

    private static DecisionRequest request(String inputJson) {
        return DecisionRequest.ofJson("t/allow", inputJson);
    }

    private static EmbeddedDecisionPoint pdp(int cacheSize, String policy) {
        return new EmbeddedDecisionPoint(engine(policy), new DecisionLog(), TIMEOUT, cacheSize);
    }

    private static RegoEngine engine(String policy) {
        return RegoEngine.compile(List.of(new RegoModule("t.rego", policy)), ObjectValue.EMPTY);
    }
}
