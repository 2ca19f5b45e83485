package io.maestro.conductor.hub.opa;

import io.maestro.conductor.policy.pdp.EmbeddedDecisionPoint;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The embedded decision point's reuse as meters: {@code conductor.policy.decision.cache} counts decisions by
 * {@code result=hit|miss} (a miss is a full evaluation), {@code conductor.policy.decision.cache.size} is what the
 * active engine holds. A hit ratio that drops to 0 after a bundle reload and climbs back is expected.
 */
final class DecisionCacheMetrics {

    private DecisionCacheMetrics() {}

    static void bind(EmbeddedDecisionPoint engine, MeterRegistry meters) {
        FunctionCounter.builder(
                        "conductor.policy.decision.cache",
                        engine,
                        e -> e.cacheStats().hits())
                .tag("result", "hit")
                .description("embedded decisions answered from the decision cache")
                .register(meters);
        FunctionCounter.builder(
                        "conductor.policy.decision.cache",
                        engine,
                        e -> e.cacheStats().misses())
                .tag("result", "miss")
                .description("embedded decisions evaluated in full")
                .register(meters);
        Gauge.builder(
                        "conductor.policy.decision.cache.size",
                        engine,
                        e -> e.cacheStats().size())
                .description("decisions the active policy engine keeps for reuse")
                .register(meters);
    }
}
