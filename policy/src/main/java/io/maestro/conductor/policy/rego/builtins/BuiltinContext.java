package io.maestro.conductor.policy.rego.builtins;

import io.maestro.conductor.policy.rego.value.Value;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What a builtin may see of the query it runs in. One context per query: {@code nowNanos} is fixed
 * for the whole query, as OPA fixes {@code time.now_ns()}.
 *
 * @param nowNanos   wall-clock time at query start, nanoseconds since the epoch
 * @param env        environment visible to {@code opa.runtime()}
 * @param printSink  where {@code print} writes its lines
 * @param memo       results that must stay the same for the same operands within one query, as OPA
 *                   caches {@code uuid.rfc4122} per query; keyed by builtin name and operands
 */
public record BuiltinContext(long nowNanos, Map<String, String> env, Consumer<String> printSink,
                             Map<String, Value> memo) {

  public BuiltinContext(long nowNanos, Map<String, String> env, Consumer<String> printSink) {
    this(nowNanos, env, printSink, new ConcurrentHashMap<>());
  }

  public static BuiltinContext now() {
    java.time.Instant t = java.time.Instant.now();
    return new BuiltinContext(t.getEpochSecond() * 1_000_000_000L + t.getNano(), Map.of(), line -> {});
  }
}
