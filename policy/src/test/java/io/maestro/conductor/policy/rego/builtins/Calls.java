package io.maestro.conductor.policy.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.util.List;
import java.util.Map;

/** Calls builtins from the standard table the way the evaluator does, with a fixed query context. */
final class Calls {
    /** 2020-02-29T12:00:00Z, a leap day, as the query's clock. */
    static final long NOW = 1_582_977_600_000_000_000L;

    private Calls() {}

    static BuiltinContext context() {
        return new BuiltinContext(NOW, Map.of(), line -> {});
    }

    static Value call(String name, Value... args) {
        return call(context(), name, args);
    }

    static Value call(BuiltinContext ctx, String name, Value... args) {
        BuiltinSpec spec =
                StandardBuiltins.table().lookup(name).orElseThrow(() -> new AssertionError("no builtin " + name));
        assertThat(args).as("arity of " + name).hasSize(spec.arity());
        return spec.impl().call(ctx, List.of(args));
    }

    /** The error a call raises; fails the test if it returns instead. */
    static BuiltinException error(String name, Value... args) {
        BuiltinException e = catchThrowableOfType(() -> call(name, args), BuiltinException.class);
        assertThat(e).as(name + " should fail").isNotNull();
        return e;
    }

    static Value json(String text) {
        return Values.fromJson(text);
    }

    static StringValue s(String s) {
        return StringValue.of(s);
    }

    static NumberValue n(long n) {
        return NumberValue.of(n);
    }

    static NumberValue n(String literal) {
        return NumberValue.parse(literal);
    }

    static ArrayValue arr(Value... values) {
        return ArrayValue.of(values);
    }

    static SetValue set(Value... values) {
        return SetValue.of(List.of(values));
    }
}
