package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.StringValue;
import java.util.List;
import java.util.UUID;

/**
 * {@code uuid.rfc4122(seed)}: a random version 4 UUID, the same for the same seed within one query
 * (OPA caches it per query; the context's memo plays that part).
 */
final class UuidBuiltins implements BuiltinGroup {

  @Override
  public List<BuiltinSpec> specs() {
    return List.of(spec("uuid.rfc4122", STR, (ctx, a) -> {
      String seed = Operands.string("uuid.rfc4122", a, 1);
      return ctx.memo().computeIfAbsent("uuid.rfc4122:" + seed, k -> StringValue.of(UUID.randomUUID().toString()));
    }, STR));
  }
}
