package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.NUM;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

/**
 * {@code uuid.rfc4122(seed)} (a random version 4 UUID) and {@code rand.intn(seed, n)} (a random
 * integer in [0, |n|)). Both give the same result for the same operands within one query, as OPA
 * caches them per query; the context's memo plays that part.
 */
final class RandomBuiltins implements BuiltinGroup {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec(
                        "uuid.rfc4122",
                        STR,
                        (ctx, a) -> {
                            String seed = Operands.string("uuid.rfc4122", a, 1);
                            return ctx.memo()
                                    .computeIfAbsent(
                                            "uuid.rfc4122:" + seed,
                                            k -> StringValue.of(
                                                    UUID.randomUUID().toString()));
                        },
                        STR),
                spec(
                        "rand.intn",
                        NUM,
                        (ctx, a) -> {
                            String seed = Operands.string("rand.intn", a, 1);
                            BigInteger n = Operands.integer("rand.intn", a, 2).abs();
                            if (n.signum() == 0) return NumberValue.of(0);
                            return ctx.memo()
                                    .computeIfAbsent(
                                            "rand.intn:" + seed + ":" + n,
                                            k -> NumberValue.of(new BigInteger(n.bitLength() + 64, RANDOM).mod(n)));
                        },
                        STR,
                        NUM));
    }
}
