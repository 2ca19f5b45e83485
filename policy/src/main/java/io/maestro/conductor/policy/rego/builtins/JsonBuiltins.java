package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ANY;
import static io.maestro.conductor.policy.rego.builtins.Specs.ARR;
import static io.maestro.conductor.policy.rego.builtins.Specs.ARR_SET;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.OBJ;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.List;
import java.util.Map;

/** {@code json.marshal unmarshal is_valid marshal_with_options filter remove patch}. */
final class JsonBuiltins implements BuiltinGroup {

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec("json.marshal", STR, (ctx, a) -> StringValue.of(GoJson.marshal(a.get(0))), ANY),
                spec("json.marshal_with_options", STR, JsonBuiltins::marshalWithOptions, ANY, OBJ),
                spec(
                        "json.unmarshal",
                        ANY,
                        (ctx, a) -> {
                            try {
                                return GoJson.parse(Operands.string("json.unmarshal", a, 1));
                            } catch (JsonProcessingException e) {
                                throw BuiltinException.failed("json.unmarshal", e.getOriginalMessage());
                            }
                        },
                        STR),
                spec(
                        "json.is_valid",
                        BOOL,
                        (ctx, a) -> {
                            if (!(a.get(0) instanceof StringValue s)) return BooleanValue.FALSE;
                            try {
                                GoJson.parse(s.value());
                                return BooleanValue.TRUE;
                            } catch (JsonProcessingException e) {
                                return BooleanValue.FALSE;
                            }
                        },
                        ANY),
                spec(
                        "json.filter",
                        ANY,
                        (ctx, a) -> {
                            ObjectValue obj = Operands.object("json.filter", a, 1);
                            return JsonPaths.parse("json.filter", a.get(1)).filter(obj);
                        },
                        OBJ,
                        ARR_SET),
                spec(
                        "json.remove",
                        ANY,
                        (ctx, a) -> {
                            ObjectValue obj = Operands.object("json.remove", a, 1);
                            return JsonPaths.parse("json.remove", a.get(1)).remove(obj);
                        },
                        OBJ,
                        ARR_SET),
                spec(
                        "json.patch",
                        ANY,
                        (ctx, a) -> JsonPatch.apply(a.get(0), Operands.array("json.patch", a, 2)),
                        ANY,
                        ARR));
    }

    /**
     * Options {@code pretty}, {@code indent} (default tab), {@code prefix}: pretty is implied by either
     * of the others. As in OPA, the prefix also starts the first line.
     */
    private static Value marshalWithOptions(BuiltinContext ctx, List<Value> a) {
        String name = "json.marshal_with_options";
        ObjectValue opts = Operands.object(name, a, 2);
        Boolean pretty = null;
        boolean implied = false;
        String indent = "\t";
        String prefix = "";
        int index = 0;
        for (Map.Entry<Value, Value> e : opts.entries().entrySet()) {
            // OPA words these as operand errors of the options object, quoting keys as Rego strings and naming the
            // key's index in key order
            if (!(e.getKey() instanceof StringValue k)) {
                throw Operands.invalid(
                        name,
                        2,
                        "failed to stringify key " + RegoText.of(e.getKey()) + " at index " + index + ": operand "
                                + index + " must be string but got "
                                + e.getKey().typeName());
            }
            String key = k.value();
            Value v = e.getValue();
            switch (key) {
                case "pretty" -> {
                    if (!(v instanceof BooleanValue b))
                        throw Operands.invalid(name, 2, "key \"pretty\" failed cast to bool");
                    pretty = b.value();
                }
                case "indent", "prefix" -> {
                    if (!(v instanceof StringValue s)) {
                        throw Operands.invalid(
                                name,
                                2,
                                "key " + RegoText.of(k) + " failed cast to string: operand " + index
                                        + " must be string but got " + v.typeName());
                    }
                    if (key.equals("indent")) indent = s.value();
                    else prefix = s.value();
                    implied = true;
                }
                default -> throw Operands.invalid(name, 2, "object contained unknown key " + RegoText.of(k));
            }
            index++;
        }
        boolean layout = pretty != null ? pretty : implied;
        if (!layout) return StringValue.of(GoJson.marshal(a.get(0)));
        return StringValue.of(prefix + GoJson.marshal(a.get(0), prefix, indent));
    }
}
