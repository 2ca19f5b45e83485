package io.maestro.conductor.policy.rego.builtins;

import io.maestro.conductor.policy.rego.value.Value;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What a builtin may see of the query it runs in. One context per query: {@code nowNanos} is fixed for the whole
 * query, as OPA fixes {@code time.now_ns()}.
 *
 * <p>The context also notes whether the query looked at anything besides policy, data and input — the clock, the
 * random memo, the runtime environment, the print sink, name resolution. A result that did not ({@link #isPure()}) is a function of
 * policy, data and input alone, which is what lets a decision point reuse it.
 */
public final class BuiltinContext {

    private final long nowNanos;
    private final Map<String, String> env;
    private final Consumer<String> printSink;
    private volatile Map<String, Value> memo;
    private volatile boolean impure;

    /**
     * @param nowNanos  wall-clock time at query start, nanoseconds since the epoch
     * @param env       environment visible to {@code opa.runtime()}
     * @param printSink where {@code print} writes its lines
     */
    public BuiltinContext(long nowNanos, Map<String, String> env, Consumer<String> printSink) {
        this.nowNanos = nowNanos;
        this.env = env;
        this.printSink = printSink;
    }

    public static BuiltinContext now() {
        java.time.Instant t = java.time.Instant.now();
        return new BuiltinContext(t.getEpochSecond() * 1_000_000_000L + t.getNano(), Map.of(), line -> {});
    }

    public long nowNanos() {
        impure = true;
        return nowNanos;
    }

    public Map<String, String> env() {
        impure = true;
        return env;
    }

    public Consumer<String> printSink() {
        impure = true;
        return printSink;
    }

    /** The addresses DNS (or the hosts file) gives for {@code name}: outside policy, data and input, so impure. */
    public java.net.InetAddress[] lookup(String name) throws java.net.UnknownHostException {
        impure = true;
        return java.net.InetAddress.getAllByName(name);
    }

    /**
     * Results that must stay the same for the same operands within one query, as OPA caches {@code uuid.rfc4122} per
     * query; keyed by builtin name and operands. Created on first use: most queries never draw a random value.
     */
    public Map<String, Value> memo() {
        impure = true;
        Map<String, Value> current = memo;
        if (current == null) {
            synchronized (this) {
                current = memo;
                if (current == null) {
                    current = new ConcurrentHashMap<>();
                    memo = current;
                }
            }
        }
        return current;
    }

    /** Whether the query so far used neither the clock, nor randomness, nor the environment, nor print, nor DNS. */
    public boolean isPure() {
        return !impure;
    }
}
