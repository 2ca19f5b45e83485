package io.maestro.conductor.policy.rego.eval;

import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.ast.Loc;
import io.maestro.conductor.policy.rego.ast.Term;
import io.maestro.conductor.policy.rego.builtins.BuiltinException;
import io.maestro.conductor.policy.rego.builtins.BuiltinSpec;
import io.maestro.conductor.policy.rego.builtins.RegoText;
import io.maestro.conductor.policy.rego.compile.CompiledRule;
import io.maestro.conductor.policy.rego.compile.RuleNode;
import io.maestro.conductor.policy.rego.compile.Specials;
import io.maestro.conductor.policy.rego.eval.Evaluator.ValueCont;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Function calls of one query: {@code with} replacements, user functions (with per-frame memoisation and
 * conflict detection), the builtins the evaluator implements itself ({@code walk}, {@code print},
 * membership, {@code opa.runtime}) and the builtin table, whose errors are undefined unless strict.
 */
final class Calls {
    private final Evaluator ev;

    Calls(Evaluator ev) {
        this.ev = ev;
    }

    void evalCall(Term.Call c, Bindings b, ValueCont k) {
        if (c.name().equals(Specials.PRINT) && !ev.frame.functionOverrides.containsKey(Specials.PRINT)) {
            print(c, b);
            k.accept(BooleanValue.TRUE);
            return;
        }
        if (c.name().equals(Specials.TEMPLATE_STRING)) {
            k.accept(templateString(c, b));
            return;
        }
        ev.evalList(
                c.args(), 0, new Value[c.args().size()], b, args -> call(c.name(), Arrays.asList(args), c.loc(), k));
    }

    void call(String name, List<Value> args, Loc loc, ValueCont k) {
        ev.budget.step();
        Object replacement = ev.frame.functionOverrides.get(name);
        if (replacement instanceof Value v) {
            k.accept(v);
            return;
        }
        if (replacement instanceof String target) {
            // A replacement function sees no mocks, so it can call the original it replaces.
            Frame saved = ev.frame;
            ev.frame = saved.withoutFunctionOverrides();
            List<Value> results = new ArrayList<>();
            try {
                callTarget(target, args, loc, results::add);
            } finally {
                ev.frame = saved;
            }
            for (Value v : results) {
                if (ev.halted) return;
                k.accept(v);
            }
            return;
        }
        callTarget(name, args, loc, k);
    }

    void callTarget(String target, List<Value> args, Loc loc, ValueCont k) {
        RuleNode fn = ev.policy.function(target);
        if (fn != null) {
            Value v = callUser(target, fn, args, loc);
            if (v != null) k.accept(v);
            return;
        }
        switch (target) {
            case Specials.MEMBER2 -> k.accept(BooleanValue.of(member(args.get(0), args.get(1))));
            case Specials.MEMBER3 -> {
                Value at = ValueOps.index(args.get(2), args.get(0));
                k.accept(BooleanValue.of(at != null && at.equals(args.get(1)) && !(args.get(2) instanceof SetValue)));
            }
            case Specials.WALK -> walk(new ArrayList<>(), args.get(0), k);
            case Specials.RUNTIME -> k.accept(runtime());
            default -> {
                Value v = builtin(target, args, loc);
                if (v != null) k.accept(v);
            }
        }
    }

    private static boolean member(Value x, Value coll) {
        if (coll instanceof SetValue s) return s.contains(x);
        if (coll instanceof ArrayValue a) return a.elements().contains(x);
        if (coll instanceof ObjectValue o) return o.entries().containsValue(x);
        return false;
    }

    Value builtin(String name, List<Value> args, Loc loc) {
        BuiltinSpec spec = ev.policy.builtins().lookup(name).orElse(null);
        if (spec == null)
            throw new RegoException(
                    RegoException.TYPE_ERROR, "undefined function " + name, loc.file(), loc.line(), loc.col());
        try {
            return spec.impl().call(ev.options.context(), args);
        } catch (BuiltinException e) {
            // As OPA: a failing builtin makes its expression undefined unless builtin errors are strict.
            if (ev.options.strictBuiltinErrors()) {
                throw new RegoException(e.code(), e.getMessage(), loc.file(), loc.line(), loc.col());
            }
            return null;
        } catch (RegoException e) {
            throw e;
        } catch (RuntimeException e) {
            if (ev.options.strictBuiltinErrors()) {
                throw new RegoException(
                        RegoException.BUILTIN_ERROR, name + ": " + e.getMessage(), loc.file(), loc.line(), loc.col());
            }
            return null;
        }
    }

    Value callUser(String name, RuleNode fn, List<Value> args, Loc loc) {
        Frame.FunctionCall key = new Frame.FunctionCall(name, args);
        Value cached = ev.frame.functionCache.get(key);
        if (cached != null) return cached == Frame.UNDEFINED ? null : cached;
        ev.budget.enter();
        try {
            List<Value> results = new ArrayList<>(1);
            ArrayValue argValues = new ArrayValue(args);
            for (CompiledRule rule : fn.rules()) {
                for (CompiledRule r = rule; r != null; r = r.elseRule()) {
                    if (r.args().size() != args.size()) break;
                    Bindings b = new Bindings();
                    boolean[] succeeded = {false};
                    CompiledRule current = r;
                    ev.definition(
                            current.value(),
                            k -> ev.unifyElements(
                                    current.args(), argValues, 0, b, () -> ev.evalBody(current.body(), 0, b, k)),
                            () -> {
                                succeeded[0] = true;
                                ev.evalTerm(
                                        current.value(),
                                        b,
                                        v -> Documents.addDistinct(
                                                results,
                                                v,
                                                () -> Evaluator.conflict(
                                                        "function " + name
                                                                + " produced conflicting values for the same inputs",
                                                        current.loc())));
                            });
                    if (succeeded[0]) break;
                }
            }
            Value out = results.isEmpty() ? null : results.get(0);
            if (out == null && fn.defaultRule() != null)
                out = ev.first(fn.defaultRule().value(), new Bindings());
            ev.frame.functionCache.put(key, out == null ? Frame.UNDEFINED : out);
            return out;
        } finally {
            ev.budget.leave();
        }
    }

    void walk(List<Value> path, Value v, ValueCont k) {
        ev.budget.step();
        k.accept(ArrayValue.of(new ArrayValue(path), v));
        for (Value[] entry : ev.entries(v)) {
            if (ev.halted) return;
            path.add(entry[0]);
            walk(path, entry[1], k);
            path.remove(path.size() - 1);
        }
    }

    /** OPA's runtime document: empty without runtime information, else the environment under "env". */
    Value runtime() {
        if (ev.options.context().env().isEmpty()) return ObjectValue.EMPTY;
        Map<Value, Value> env = new TreeMap<>();
        ev.options.context().env().forEach((key, val) -> env.put(StringValue.of(key), StringValue.of(val)));
        return ObjectValue.of(Map.of(StringValue.of("env"), ObjectValue.of(env)));
    }

    /**
     * A template string's value: strings as they are, other values as Rego writes them, an undefined
     * expression as {@code <undefined>}; an expression with more than one value is a conflict, as in OPA.
     */
    private Value templateString(Term.Call c, Bindings b) {
        StringBuilder out = new StringBuilder();
        for (Term part : c.args()) {
            List<Value> values = new ArrayList<>(1);
            ev.evalTerm(part, b, v -> {
                if (!values.isEmpty() && !values.get(0).equals(v)) {
                    throw Evaluator.conflict("template-strings must not produce multiple outputs", part.loc());
                }
                if (values.isEmpty()) values.add(v);
            });
            out.append(values.isEmpty() ? "<undefined>" : rendered(values.get(0)));
        }
        return StringValue.of(out.toString());
    }

    private static String rendered(Value v) {
        return v instanceof StringValue s ? s.value() : RegoText.of(v);
    }

    void print(Term.Call c, Bindings b) {
        List<String> parts = new ArrayList<>();
        for (Term arg : c.args()) {
            List<Value> values = new ArrayList<>();
            ev.evalTerm(arg, b, values::add);
            if (values.isEmpty()) {
                parts.add("<undefined>");
            } else {
                parts.add(rendered(values.get(0)));
            }
        }
        ev.options.context().printSink().accept(String.join(" ", parts));
    }
}
