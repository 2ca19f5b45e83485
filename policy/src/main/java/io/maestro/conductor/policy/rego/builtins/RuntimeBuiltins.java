package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.OBJ;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code opa.runtime()}: the environment the engine was given, as {@code {"env": {...}}}. */
final class RuntimeBuiltins implements BuiltinGroup {

  @Override
  public List<BuiltinSpec> specs() {
    return List.of(spec("opa.runtime", OBJ, (ctx, a) -> {
      Map<Value, Value> env = new TreeMap<>();
      ctx.env().forEach((k, v) -> env.put(StringValue.of(k), StringValue.of(v)));
      return ObjectValue.of(Map.of(StringValue.of("env"), ObjectValue.of(env)));
    }));
  }
}
