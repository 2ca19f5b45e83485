package io.maestro.conductor.policy.rego.builtins;

import java.util.Map;
import java.util.function.Consumer;

/**
 * What a builtin may see of the query it runs in. One context per query: {@code nowNanos} is fixed
 * for the whole query, as OPA fixes {@code time.now_ns()}.
 *
 * @param nowNanos   wall-clock time at query start, nanoseconds since the epoch
 * @param env        environment visible to {@code opa.runtime()}
 * @param printSink  where {@code print} writes its lines
 */
public record BuiltinContext(long nowNanos, Map<String, String> env, Consumer<String> printSink) {
  public static BuiltinContext now() {
    java.time.Instant t = java.time.Instant.now();
    return new BuiltinContext(t.getEpochSecond() * 1_000_000_000L + t.getNano(), Map.of(), line -> {});
  }
}
