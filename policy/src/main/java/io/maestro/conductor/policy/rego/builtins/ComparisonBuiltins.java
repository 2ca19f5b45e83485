package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ANY;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.BooleanValue;
import java.util.List;
import java.util.function.IntPredicate;

/** The comparison operators as builtins, over the value model's total order (any two values compare). */
final class ComparisonBuiltins implements BuiltinGroup {

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                compare("equal", c -> c == 0),
                compare("neq", c -> c != 0),
                compare("lt", c -> c < 0),
                compare("lte", c -> c <= 0),
                compare("gt", c -> c > 0),
                compare("gte", c -> c >= 0));
    }

    private static BuiltinSpec compare(String name, IntPredicate holds) {
        return spec(name, BOOL, (ctx, a) -> BooleanValue.of(holds.test(a.get(0).compareTo(a.get(1)))), ANY, ANY);
    }
}
