package io.maestro.conductor.hub.governance;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.policy.simulate.PolicySimulator;
import io.maestro.conductor.policy.simulate.Scenario;
import io.maestro.conductor.policy.simulate.SimulatedDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a proposed bundle, before anyone activates it, against the stored simulation scenarios and the newest real
 * lifecycle decisions, and reports what would change. Bounded: at most {@value #MAX_LISTED} mismatches and flips are
 * listed (all are counted), and the whole run stops at its deadline ({@code complete: false}).
 */
public final class PolicySimulation {

    static final int MAX_LISTED = 100;

    /** Whether allow or code would change for a real decision. */
    public record Flip(
            String decisionId,
            String tenant,
            String environment,
            String action,
            String actor,
            Before before,
            SimulatedDecision after) {}

    public record Before(boolean allow, String code, List<String> reasons) {}

    public record ScenarioReport(int checked, int passed, int failed, List<String> mismatches) {}

    public record DecisionReport(int checked, int flipped, List<Flip> flips) {}

    public record Report(ScenarioReport scenarios, DecisionReport decisions, boolean complete) {}

    private PolicySimulation() {}

    static Report run(
            PolicySimulator simulator,
            List<Scenario> scenarios,
            List<LifecycleDecisionLog.Recorded> recent,
            Duration deadline) {
        long stopAt = System.nanoTime() + deadline.toNanos();
        boolean complete = true;
        int checkedScenarios = 0;
        int failed = 0;
        List<String> mismatches = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            if (System.nanoTime() > stopAt) {
                complete = false;
                break;
            }
            checkedScenarios++;
            List<PolicySimulator.Mismatch> found = simulator.check(List.of(scenario));
            if (!found.isEmpty()) {
                failed++;
                if (mismatches.size() < MAX_LISTED) {
                    mismatches.add(found.get(0).line());
                }
            }
        }
        int checkedDecisions = 0;
        int flipped = 0;
        List<Flip> flips = new ArrayList<>();
        for (LifecycleDecisionLog.Recorded decision : recent) {
            if (!complete || System.nanoTime() > stopAt) {
                complete = false;
                break;
            }
            checkedDecisions++;
            SimulatedDecision after = simulator.decide(LifecycleGate.PATH, decision.input());
            if (after.flipsFrom(decision.allowed(), decision.code())) {
                flipped++;
                if (flips.size() < MAX_LISTED) {
                    JsonNode input = decision.input();
                    flips.add(new Flip(
                            decision.decisionId(),
                            input.path("tenant").asText(),
                            input.path("environment").asText(),
                            input.path("action").asText(),
                            input.path("actor").asText(),
                            new Before(decision.allowed(), decision.code(), decision.reasons()),
                            after));
                }
            }
        }
        return new Report(
                new ScenarioReport(checkedScenarios, checkedScenarios - failed, failed, mismatches),
                new DecisionReport(checkedDecisions, flipped, flips),
                complete);
    }
}
