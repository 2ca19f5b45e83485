package io.maestro.conductor.hub.opa;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.pdp.DecisionLog;
import io.maestro.conductor.policy.pdp.DecisionRequest;
import io.maestro.conductor.policy.pdp.EmbeddedDecisionPoint;
import io.maestro.conductor.policy.rego.RegoEngine;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionCacheMetricsTest {

    @Test
    void hitsMissesAndSizeFollowTheDecisionPoint() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RegoEngine engine = RegoEngine.compile(
                List.of(new RegoModule("p.rego", "package p\nallow if input.ok")), ObjectValue.EMPTY);
        try (EmbeddedDecisionPoint pdp =
                new EmbeddedDecisionPoint(engine, new DecisionLog(), Duration.ofSeconds(1), 100)) {
            DecisionCacheMetrics.bind(pdp, meters);
            for (int i = 0; i < 3; i++) {
                pdp.decide(DecisionRequest.ofJson("p/allow", "{\"ok\": true}"));
            }
            pdp.decide(DecisionRequest.ofJson("p/allow", "{\"ok\": false}"));

            assertThat(meters.get("conductor.policy.decision.cache")
                            .tag("result", "hit")
                            .functionCounter()
                            .count())
                    .isEqualTo(2.0);
            assertThat(meters.get("conductor.policy.decision.cache")
                            .tag("result", "miss")
                            .functionCounter()
                            .count())
                    .isEqualTo(2.0);
            assertThat(meters.get("conductor.policy.decision.cache.size")
                            .gauge()
                            .value())
                    .isEqualTo(2.0);
        }
    }
}
