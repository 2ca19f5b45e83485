package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ANY;
import static io.maestro.conductor.policy.rego.builtins.Specs.ARR;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.COLL;
import static io.maestro.conductor.policy.rego.builtins.Specs.OBJ;
import static io.maestro.conductor.policy.rego.builtins.Specs.SET;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code object.get keys remove filter union union_n subset}. */
final class ObjectBuiltins implements BuiltinGroup {

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec(
                        "object.get",
                        ANY,
                        (ctx, a) -> {
                            ObjectValue obj = Operands.object("object.get", a, 1);
                            Value found = a.get(1) instanceof ArrayValue path
                                    ? find(obj, path.elements())
                                    : obj.get(a.get(1));
                            return found != null ? found : a.get(2);
                        },
                        OBJ,
                        ANY,
                        ANY),
                spec(
                        "object.keys",
                        SET,
                        (ctx, a) -> SetValue.of(
                                Operands.object("object.keys", a, 1).entries().keySet()),
                        OBJ),
                spec(
                        "object.remove",
                        OBJ,
                        (ctx, a) -> {
                            ObjectValue obj = Operands.object("object.remove", a, 1);
                            TreeMap<Value, Value> out = new TreeMap<>(obj.entries());
                            out.keySet().removeAll(keys("object.remove", a.get(1)));
                            return ObjectValue.of(out);
                        },
                        OBJ,
                        COLL),
                spec(
                        "object.filter",
                        OBJ,
                        (ctx, a) -> {
                            ObjectValue obj = Operands.object("object.filter", a, 1);
                            TreeMap<Value, Value> out = new TreeMap<>(obj.entries());
                            out.keySet().retainAll(keys("object.filter", a.get(1)));
                            return ObjectValue.of(out);
                        },
                        OBJ,
                        COLL),
                spec(
                        "object.union",
                        OBJ,
                        (ctx, a) -> union(Operands.object("object.union", a, 1), Operands.object("object.union", a, 2)),
                        OBJ,
                        OBJ),
                spec(
                        "object.union_n",
                        OBJ,
                        (ctx, a) -> {
                            ArrayValue objects = Operands.array("object.union_n", a, 1);
                            ObjectValue acc = ObjectValue.EMPTY;
                            for (Value v : objects.elements()) {
                                if (!(v instanceof ObjectValue o))
                                    throw Operands.elementError("object.union_n", 1, objects, v, "object");
                                acc = union(acc, o);
                            }
                            return acc;
                        },
                        ARR),
                spec("object.subset", BOOL, ObjectBuiltins::subset, COLL, COLL));
    }

    /** Walks a path of keys (objects), indexes (arrays) and members (sets); null when it leads nowhere. */
    static Value find(Value root, Collection<Value> path) {
        Value node = root;
        for (Value key : path) {
            if (node instanceof ObjectValue o) {
                node = o.get(key);
            } else if (node instanceof ArrayValue arr
                    && key instanceof NumberValue n
                    && n.isInteger()
                    && n.value().signum() >= 0
                    && n.value().compareTo(java.math.BigDecimal.valueOf(arr.size())) < 0) {
                node = arr.get(n.intValueExact());
            } else if (node instanceof SetValue s && s.contains(key)) {
                node = key;
            } else {
                return null;
            }
            if (node == null) return null;
        }
        return node;
    }

    /** The keys named by an array, a set, or an object's keys. */
    private static Collection<Value> keys(String name, Value v) {
        if (v instanceof ArrayValue a) return a.elements();
        if (v instanceof SetValue s) return s.elements();
        if (v instanceof ObjectValue o) return o.entries().keySet();
        throw Operands.typeError(name, 2, v, "object", "set", "array");
    }

    /** Merges b into a; where both hold objects under one key they merge recursively, otherwise b wins. */
    static ObjectValue union(ObjectValue a, ObjectValue b) {
        TreeMap<Value, Value> out = new TreeMap<>(a.entries());
        for (Map.Entry<Value, Value> e : b.entries().entrySet()) {
            Value mine = out.get(e.getKey());
            if (mine instanceof ObjectValue x && e.getValue() instanceof ObjectValue y) {
                out.put(e.getKey(), union(x, y));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return ObjectValue.of(out);
    }

    private static Value subset(BuiltinContext ctx, List<Value> a) {
        Value sup = a.get(0);
        Value sub = a.get(1);
        if (sup instanceof ObjectValue && !(sub instanceof ObjectValue))
            throw Operands.typeError("object.subset", 2, sub, "object");
        if (sup instanceof SetValue && !(sub instanceof SetValue))
            throw Operands.typeError("object.subset", 2, sub, "set");
        if (sup instanceof ArrayValue && !(sub instanceof ArrayValue || sub instanceof SetValue)) {
            throw Operands.typeError("object.subset", 2, sub, "array", "set");
        }
        if (!(sup instanceof ObjectValue || sup instanceof SetValue || sup instanceof ArrayValue)) {
            throw Operands.typeError("object.subset", 1, sup, "object", "set", "array");
        }
        return BooleanValue.of(isSubset(sup, sub));
    }

    /** OPA's recursive subset: objects by key, sets by member, arrays as a contiguous run, else equality. */
    private static boolean isSubset(Value sup, Value sub) {
        if (sup instanceof ObjectValue o) {
            if (!(sub instanceof ObjectValue s)) return false;
            for (Map.Entry<Value, Value> e : s.entries().entrySet()) {
                Value mine = o.get(e.getKey());
                if (mine == null || !isSubset(mine, e.getValue())) return false;
            }
            return true;
        }
        if (sup instanceof SetValue s) {
            return sub instanceof SetValue t && s.elements().containsAll(t.elements());
        }
        if (sup instanceof ArrayValue arr) {
            if (sub instanceof SetValue t) return arr.elements().containsAll(t.elements());
            if (sub instanceof ArrayValue t)
                return java.util.Collections.indexOfSubList(arr.elements(), t.elements()) >= 0;
            return false;
        }
        return sup.equals(sub);
    }
}
