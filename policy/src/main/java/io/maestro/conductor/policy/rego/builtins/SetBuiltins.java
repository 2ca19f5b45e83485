package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.SET;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Set operators {@code and} ({@code &}) and {@code or} ({@code |}), and {@code intersection}/{@code union} of a set of sets. */
final class SetBuiltins implements BuiltinGroup {

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec(
                        "and",
                        SET,
                        (ctx, a) -> intersect(List.of(Operands.set("and", a, 1), Operands.set("and", a, 2))),
                        SET,
                        SET),
                spec(
                        "or",
                        SET,
                        (ctx, a) -> union(List.of(Operands.set("or", a, 1), Operands.set("or", a, 2))),
                        SET,
                        SET),
                spec("intersection", SET, (ctx, a) -> intersect(setsOf("intersection", a)), SET),
                spec("union", SET, (ctx, a) -> union(setsOf("union", a)), SET));
    }

    private static List<SetValue> setsOf(String name, List<Value> a) {
        SetValue outer = Operands.set(name, a, 1);
        List<SetValue> sets = new ArrayList<>(outer.size());
        for (Value v : outer.elements()) {
            if (!(v instanceof SetValue s)) throw Operands.elementError(name, 1, outer, v, "set");
            sets.add(s);
        }
        return sets;
    }

    private static SetValue intersect(List<SetValue> sets) {
        if (sets.isEmpty()) return SetValue.EMPTY;
        TreeSet<Value> out = new TreeSet<>(sets.get(0).elements());
        for (SetValue s : sets.subList(1, sets.size())) out.retainAll(s.elements());
        return SetValue.of(out);
    }

    private static SetValue union(List<SetValue> sets) {
        TreeSet<Value> out = new TreeSet<>();
        for (SetValue s : sets) out.addAll(s.elements());
        return SetValue.of(out);
    }
}
