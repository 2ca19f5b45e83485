package io.maestro.conductor.policy.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.policy.pdp.DecisionRequest;
import io.maestro.conductor.policy.rego.QueryOptions;
import io.maestro.conductor.policy.rego.RegoEngine;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.builtins.Builtin;
import io.maestro.conductor.policy.rego.builtins.BuiltinContext;
import io.maestro.conductor.policy.rego.builtins.BuiltinException;
import io.maestro.conductor.policy.rego.builtins.BuiltinGroup;
import io.maestro.conductor.policy.rego.builtins.BuiltinSpec;
import io.maestro.conductor.policy.rego.builtins.Builtins;
import io.maestro.conductor.policy.rego.builtins.StandardBuiltins;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs decisions on a policy bundle that is not active, e.g. one proposed for activation, with no side effects: the
 * bundle is compiled against the standard builtins minus those that reach outside the process (DNS, HTTP), each
 * builtin bounded to {@value #MAX_TEXT_CHARS} characters of text per operand and result (a string doubled a few dozen
 * times, each doubling one cheap step, would otherwise fill the heap), every query runs with an empty environment, a discarding
 * print sink, and bounds on steps and time; a query that breaks them is a decision error, not an exception.
 */
public final class PolicySimulator {

    /** Builtins that would let a proposed bundle reach the network. */
    private static final Set<String> UNSAFE = Set.of("net.lookup_ip_addr", "http.send");

    /** The most text a builtin of a simulated bundle may take in one operand (a string, or a collection's strings) or give out. */
    static final int MAX_TEXT_CHARS = 1_000_000;

    private static final Builtins SANDBOXED =
            Builtins.of(List.<BuiltinGroup>of(() -> StandardBuiltins.table().all().stream()
                    .filter(spec -> !UNSAFE.contains(spec.name()))
                    .map(PolicySimulator::textBounded)
                    .toList()));

    /** A scenario whose decision is not the expected one. */
    public record Mismatch(Scenario scenario, SimulatedDecision got) {
        public String line() {
            return scenario.label() + ": expected allow=" + scenario.expect().allow() + " code="
                    + scenario.expect().code() + " reasons=" + scenario.expect().reasons() + ", got " + got.summary();
        }
    }

    private final RegoEngine engine;
    private final long maxSteps;
    private final Duration timeout;

    private PolicySimulator(RegoEngine engine, long maxSteps, Duration timeout) {
        this.engine = engine;
        this.maxSteps = maxSteps;
        this.timeout = timeout;
    }

    /**
     * Compiles a bundle in the sandbox.
     *
     * @throws io.maestro.conductor.policy.rego.RegoException with every compile error, when it does not compile
     */
    public static PolicySimulator compile(List<RegoModule> modules, Value data, long maxSteps, Duration timeout) {
        return new PolicySimulator(RegoEngine.compile(modules, data, SANDBOXED), maxSteps, timeout);
    }

    private static BuiltinSpec textBounded(BuiltinSpec spec) {
        Builtin impl = spec.impl();
        Builtin bounded = (ctx, args) -> {
            for (Value arg : args) {
                long text = textOf(arg);
                if (arg instanceof ArrayValue array) {
                    text = array.elements().stream()
                            .mapToLong(PolicySimulator::textOf)
                            .sum();
                } else if (arg instanceof SetValue set) {
                    text = set.elements().stream()
                            .mapToLong(PolicySimulator::textOf)
                            .sum();
                }
                if (text > MAX_TEXT_CHARS) {
                    throw tooMuchText(spec.name());
                }
            }
            Value out = impl.call(ctx, args);
            if (textOf(out) > MAX_TEXT_CHARS) {
                throw tooMuchText(spec.name());
            }
            return out;
        };
        return new BuiltinSpec(spec.name(), spec.operands(), spec.result(), bounded);
    }

    private static long textOf(Value value) {
        return value instanceof StringValue text ? text.value().length() : 0;
    }

    private static BuiltinException tooMuchText(String builtin) {
        return BuiltinException.failed(
                builtin, "more than " + MAX_TEXT_CHARS + " characters of text, the bound of a simulated bundle");
    }

    public SimulatedDecision decide(String path, JsonNode input) {
        QueryOptions options = new QueryOptions(
                new BuiltinContext(BuiltinContext.now().nowNanos(), Map.of(), line -> {}), maxSteps, timeout, false);
        try {
            return SimulatedDecision.of(
                    engine.evaluate(DecisionRequest.of(path, null).dataRef(), Values.fromJson(input), options));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // OutOfMemoryError too: a hostile bundle can still ask one builtin for more than the heap (e.g. replace
            // with an empty pattern); the request fails its own allocation, and nothing of it stays reachable
            return SimulatedDecision.failed(
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Every scenario whose decision differs from its expectation, in order. */
    public List<Mismatch> check(List<Scenario> scenarios) {
        List<Mismatch> mismatches = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            SimulatedDecision got = decide(scenario.path(), scenario.input());
            if (!got.matches(scenario.expect())) mismatches.add(new Mismatch(scenario, got));
        }
        return mismatches;
    }
}
