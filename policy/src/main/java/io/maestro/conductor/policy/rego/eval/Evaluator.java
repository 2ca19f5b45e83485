package io.maestro.conductor.policy.rego.eval;

import io.maestro.conductor.policy.rego.QueryOptions;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.ast.Expr;
import io.maestro.conductor.policy.rego.ast.Loc;
import io.maestro.conductor.policy.rego.ast.Term;
import io.maestro.conductor.policy.rego.compile.CompiledPolicy;
import io.maestro.conductor.policy.rego.compile.CompiledQuery;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Top-down evaluation with backtracking, one instance per query (not shared between threads). Solutions
 * flow through continuations: each expression calls its continuation once per way it succeeds, with
 * the bindings of that way in place, and undoes them afterwards.
 */
public final class Evaluator {
    interface Cont {
        void run();
    }

    interface ValueCont {
        void accept(Value v);
    }

    final CompiledPolicy policy;
    final QueryOptions options;
    final Budget budget;
    /**
     * Set once an existence check has its first solution: every loop that offers further solutions stops
     * and the search returns. Plain returns instead of an exception, whose unwinding through the deep
     * continuation stacks cost far more than the evaluation itself.
     */
    boolean halted;
    /** The current {@code with} context; replaced while a {@code with} expression runs. */
    Frame frame;

    private final Documents documents = new Documents(this);
    private final Calls calls = new Calls(this);

    public Evaluator(CompiledPolicy policy, QueryOptions options, Value input) {
        this.policy = policy;
        this.options = options;
        this.budget = new Budget(options.maxSteps(), options.timeout().toNanos());
        this.frame = new Frame(input, List.of(), Map.of());
    }

    /** All solutions of a query: one map of its result variables per solution. */
    public List<Map<String, Value>> run(CompiledQuery query) {
        List<Map<String, Value>> out = new ArrayList<>();
        Bindings b = new Bindings();
        guarded(() -> evalBody(query.body(), 0, b, () -> {
            Map<String, Value> row = new LinkedHashMap<>();
            for (String v : query.resultVars()) {
                Value val = b.get(v);
                if (val != null) row.put(v, val);
            }
            for (String v : query.captures()) {
                if (v != null && b.get(v) != null) row.put(v, b.get(v));
            }
            out.add(row);
        }));
        return out;
    }

    /** The value of the document at a constant path under {@code data}; empty when undefined. */
    public Optional<Value> valueAt(List<Value> path) {
        Value[] result = new Value[1];
        List<Term> terms = new ArrayList<>(path.size());
        path.forEach(p -> terms.add(new Term.Scalar(p, Loc.NONE)));
        guarded(() -> documents.evalData(List.of(), policy.root(), terms, 0, new Bindings(), v -> {
            if (result[0] == null) result[0] = v;
        }));
        return Optional.ofNullable(result[0]);
    }

    private static void guarded(Runnable r) {
        try {
            r.run();
        } catch (StackOverflowError e) {
            throw Budget.cancel("evaluation exceeded the maximum stack depth");
        }
    }

    // ---- bodies and expressions ----

    void evalBody(List<Expr> body, int i, Bindings b, Cont k) {
        if (i == body.size()) {
            k.run();
            return;
        }
        evalExpr(body.get(i), b, () -> evalBody(body, i + 1, b, k));
    }

    private void evalExpr(Expr e, Bindings b, Cont k) {
        budget.step();
        if (!e.withs().isEmpty()) {
            evalWith(e, b, k);
            return;
        }
        if (e.negated()) {
            if (!exists(found -> evalStmt(e, b, found))) k.run();
            return;
        }
        evalStmt(e, b, k);
    }

    private void evalStmt(Expr e, Bindings b, Cont k) {
        Expr.Stmt s = e.stmt();
        if (s instanceof Expr.TermStmt ts) {
            evalTerm(ts.term(), b, v -> {
                if (!v.equals(BooleanValue.FALSE)) k.run();
            });
        } else if (s instanceof Expr.Unify u) {
            unify(u.left(), u.right(), b, k);
        } else if (s instanceof Expr.Assign a) {
            unify(a.left(), a.right(), b, k);
        } else if (s instanceof Expr.SomeDecl) {
            k.run();
        } else if (s instanceof Expr.SomeIn si) {
            evalTerm(si.collection(), b, coll -> {
                for (Value[] entry : entries(coll)) {
                    if (halted) return;
                    budget.step();
                    if (si.key() == null) unifyValue(si.value(), entry[1], b, k);
                    else unifyValue(si.key(), entry[0], b, () -> unifyValue(si.value(), entry[1], b, k));
                }
            });
        } else if (s instanceof Expr.Block block) {
            evalBody(block.body(), 0, b, k);
        } else {
            evalEvery((Expr.Every) s, b, k);
        }
    }

    /** True for every element of a collection (so for an empty one); over anything else undefined, as in OPA. */
    private void evalEvery(Expr.Every ev, Bindings b, Cont k) {
        evalTerm(ev.collection(), b, coll -> {
            if (!(coll instanceof ArrayValue || coll instanceof ObjectValue || coll instanceof SetValue)) return;
            for (Value[] entry : entries(coll)) {
                budget.step();
                boolean holds = exists(found -> {
                    Cont body = () -> evalBody(ev.body(), 0, b, found);
                    if (ev.key() == null) unifyValue(ev.value(), entry[1], b, body);
                    else unifyValue(ev.key(), entry[0], b, () -> unifyValue(ev.value(), entry[1], b, body));
                });
                if (!holds) return;
            }
            k.run();
        });
    }

    boolean exists(Consumer<Cont> search) {
        boolean outer = halted;
        halted = false;
        try {
            search.accept(() -> halted = true);
            return halted;
        } finally {
            halted = outer;
        }
    }

    private void evalWith(Expr e, Bindings b, Cont k) {
        Value input = frame.input;
        List<Frame.DataOverride> data = new ArrayList<>();
        Map<String, Object> functions = new HashMap<>();
        for (Expr.With w : e.withs()) {
            Term target = w.target();
            if (target instanceof Term.Call fn) {
                if (w.value() instanceof Term.Call repl && repl.args().isEmpty()) {
                    functions.put(fn.name(), repl.name());
                } else {
                    Value v = first(w.value(), b);
                    if (v == null) return;
                    functions.put(fn.name(), v);
                }
                continue;
            }
            Value v = first(w.value(), b);
            if (v == null) return;
            String root = target instanceof Term.Var var ? var.name() : ((Term.Var) ((Term.Ref) target).head()).name();
            List<Value> path = new ArrayList<>();
            if (target instanceof Term.Ref r) {
                for (Term p : r.path()) {
                    Value key = first(p, b);
                    if (key == null) return;
                    path.add(key);
                }
            }
            if (root.equals("input"))
                input = path.isEmpty() ? v : ValueOps.put(input == null ? ObjectValue.EMPTY : input, path, v);
            else data.add(new Frame.DataOverride(path, v));
        }
        Frame outer = frame;
        Frame inner = outer.with(input, data, functions);
        Expr plain = new Expr(e.stmt(), e.negated(), List.of(), e.loc());
        frame = inner;
        try {
            evalExpr(plain, b, () -> {
                frame = outer;
                try {
                    k.run();
                } finally {
                    frame = inner;
                }
            });
        } finally {
            frame = outer;
        }
    }

    /** The first value of a term, or null when it has none. */
    Value first(Term t, Bindings b) {
        Value[] out = new Value[1];
        exists(found -> evalTerm(t, b, v -> {
            out[0] = v;
            found.run();
        }));
        return out[0];
    }

    /**
     * Runs one rule definition's search, calling {@code onSolution} per solution. A constant value cannot
     * change between solutions, so the search stops at the first (OPA's early exit).
     */
    void definition(Term value, Consumer<Cont> search, Cont onSolution) {
        if (value instanceof Term.Scalar) {
            exists(found -> search.accept(() -> {
                onSolution.run();
                found.run();
            }));
        } else {
            search.accept(onSolution);
        }
    }

    // ---- unification ----

    private void unify(Term a, Term c, Bindings b, Cont k) {
        boolean aOpen = unboundPattern(a, b);
        boolean cOpen = unboundPattern(c, b);
        if (aOpen && cOpen) {
            if (a instanceof Term.ArrayTerm x && c instanceof Term.ArrayTerm y) {
                if (x.elements().size() == y.elements().size()) unifyPairs(x.elements(), y.elements(), 0, b, k);
                return;
            }
            if (a instanceof Term.ObjectTerm x && c instanceof Term.ObjectTerm y) {
                unifyObjects(x, y, b, k);
                return;
            }
            throw unsafe(a);
        }
        if (aOpen) evalTerm(c, b, v -> unifyValue(a, v, b, k));
        else evalTerm(a, b, v -> unifyValue(c, v, b, k));
    }

    private void unifyPairs(List<Term> xs, List<Term> ys, int i, Bindings b, Cont k) {
        if (i == xs.size()) {
            k.run();
            return;
        }
        unify(xs.get(i), ys.get(i), b, () -> unifyPairs(xs, ys, i + 1, b, k));
    }

    private void unifyObjects(Term.ObjectTerm x, Term.ObjectTerm y, Bindings b, Cont k) {
        if (x.keys().size() != y.keys().size()) return;
        Map<Value, Term> ys = new TreeMap<>();
        for (int i = 0; i < y.keys().size(); i++) {
            Value key = first(y.keys().get(i), b);
            if (key == null) return;
            ys.put(key, y.values().get(i));
        }
        List<Term> left = new ArrayList<>();
        List<Term> right = new ArrayList<>();
        for (int i = 0; i < x.keys().size(); i++) {
            Value key = first(x.keys().get(i), b);
            if (key == null || !ys.containsKey(key)) return;
            left.add(x.values().get(i));
            right.add(ys.get(key));
        }
        unifyPairs(left, right, 0, b, k);
    }

    /** Unifies a term with a ground value, binding the term's free variables. */
    void unifyValue(Term t, Value v, Bindings b, Cont k) {
        if (t instanceof Term.Var var) {
            Value bound = b.get(var.name());
            if (bound != null) {
                if (bound.equals(v)) k.run();
                return;
            }
            if (isRoot(var.name())) {
                evalTerm(t, b, x -> {
                    if (x.equals(v)) k.run();
                });
                return;
            }
            int mark = b.mark();
            b.bind(var.name(), v);
            try {
                k.run();
            } finally {
                b.undo(mark);
            }
            return;
        }
        if (t instanceof Term.Scalar s) {
            if (s.value().equals(v)) k.run();
            return;
        }
        if (t instanceof Term.ArrayTerm a && unboundPattern(t, b)) {
            if (v instanceof ArrayValue av && av.size() == a.elements().size())
                unifyElements(a.elements(), av, 0, b, k);
            return;
        }
        if (t instanceof Term.ObjectTerm o && unboundPattern(t, b)) {
            if (!(v instanceof ObjectValue ov) || ov.size() != o.keys().size()) return;
            List<Value> keys = new ArrayList<>();
            for (Term key : o.keys()) {
                Value kv = first(key, b);
                if (kv == null || ov.get(kv) == null) return;
                keys.add(kv);
            }
            List<Value> vals = new ArrayList<>();
            keys.forEach(kv -> vals.add(ov.get(kv)));
            unifyElements(o.values(), new ArrayValue(vals), 0, b, k);
            return;
        }
        evalTerm(t, b, x -> {
            if (x.equals(v)) k.run();
        });
    }

    private static boolean isRoot(String name) {
        return name.equals("input") || name.equals("data");
    }

    void unifyElements(List<Term> ts, ArrayValue vs, int i, Bindings b, Cont k) {
        if (i == ts.size()) {
            k.run();
            return;
        }
        unifyValue(ts.get(i), vs.get(i), b, () -> unifyElements(ts, vs, i + 1, b, k));
    }

    /** True when the term has a free variable where unification would bind it. */
    boolean unboundPattern(Term t, Bindings b) {
        if (t instanceof Term.Var v) return !isRoot(v.name()) && b.get(v.name()) == null;
        if (t instanceof Term.ArrayTerm a) {
            for (Term e : a.elements()) if (unboundPattern(e, b)) return true;
            return false;
        }
        if (t instanceof Term.ObjectTerm o) {
            for (Term e : o.values()) if (unboundPattern(e, b)) return true;
        }
        return false;
    }

    // ---- terms ----

    void evalTerm(Term t, Bindings b, ValueCont k) {
        if (t instanceof Term.Scalar s) {
            k.accept(s.value());
        } else if (t instanceof Term.Var v) {
            Value val = b.get(v.name());
            if (val != null) k.accept(val);
            else if (v.name().equals("input")) {
                if (frame.input != null) k.accept(frame.input);
            } else if (v.name().equals("data")) {
                documents.evalData(List.of(), policy.root(), List.of(), 0, b, k);
            } else {
                throw unsafe(v);
            }
        } else if (t instanceof Term.Ref r) {
            evalRef(r, b, k);
        } else if (t instanceof Term.ArrayTerm a) {
            evalList(
                    a.elements(),
                    0,
                    new Value[a.elements().size()],
                    b,
                    vs -> k.accept(new ArrayValue(Arrays.asList(vs))));
        } else if (t instanceof Term.SetTerm s) {
            evalList(
                    s.elements(), 0, new Value[s.elements().size()], b, vs -> k.accept(SetValue.of(Arrays.asList(vs))));
        } else if (t instanceof Term.ObjectTerm o) {
            List<Term> all = new ArrayList<>(o.keys());
            all.addAll(o.values());
            int n = o.keys().size();
            evalList(all, 0, new Value[all.size()], b, vs -> {
                Map<Value, Value> m = new TreeMap<>();
                for (int i = 0; i < n; i++) m.put(vs[i], vs[n + i]);
                k.accept(ObjectValue.of(m));
            });
        } else if (t instanceof Term.Call c) {
            calls.evalCall(c, b, k);
        } else {
            k.accept(comprehension(t, b));
        }
    }

    void evalList(List<Term> ts, int i, Value[] acc, Bindings b, Consumer<Value[]> k) {
        if (i == ts.size()) {
            k.accept(acc.clone());
            return;
        }
        evalTerm(ts.get(i), b, v -> {
            acc[i] = v;
            evalList(ts, i + 1, acc, b, k);
        });
    }

    private Value comprehension(Term t, Bindings b) {
        budget.enter();
        try {
            if (t instanceof Term.ArrayCompr ac) {
                List<Value> out = new ArrayList<>();
                evalBody(ac.body(), 0, b, () -> evalTerm(ac.head(), b, out::add));
                return new ArrayValue(out);
            }
            if (t instanceof Term.SetCompr sc) {
                TreeSet<Value> out = new TreeSet<>();
                evalBody(sc.body(), 0, b, () -> evalTerm(sc.head(), b, out::add));
                return SetValue.of(out);
            }
            Term.ObjectCompr oc = (Term.ObjectCompr) t;
            Map<Value, Value> out = new TreeMap<>();
            evalBody(
                    oc.body(),
                    0,
                    b,
                    () -> evalTerm(
                            oc.key(),
                            b,
                            key -> evalTerm(oc.value(), b, val -> {
                                Value prior = out.putIfAbsent(key, val);
                                if (prior != null && !prior.equals(val))
                                    throw conflict("object keys must be unique", oc.loc());
                            })));
            return ObjectValue.of(out);
        } finally {
            budget.leave();
        }
    }

    private void evalRef(Term.Ref r, Bindings b, ValueCont k) {
        Term head = r.head();
        if (head instanceof Term.Var v && b.get(v.name()) == null) {
            if (v.name().equals("data")) {
                documents.evalData(List.of(), policy.root(), r.path(), 0, b, k);
                return;
            }
            if (v.name().equals("input")) {
                if (frame.input != null) walkValue(frame.input, r.path(), 0, b, k);
                return;
            }
        }
        evalTerm(head, b, v -> walkValue(v, r.path(), 0, b, k));
    }

    void walkValue(Value v, List<Term> path, int i, Bindings b, ValueCont k) {
        if (i == path.size()) {
            k.accept(v);
            return;
        }
        Term p = path.get(i);
        if (p instanceof Term.Scalar s) {
            Value child = ValueOps.index(v, s.value());
            if (child != null) walkValue(child, path, i + 1, b, k);
            return;
        }
        if (!unboundPattern(p, b)) {
            evalTerm(p, b, key -> {
                Value child = ValueOps.index(v, key);
                if (child != null) walkValue(child, path, i + 1, b, k);
            });
            return;
        }
        for (Value[] entry : entries(v)) {
            if (halted) return;
            budget.step();
            unifyValue(p, entry[0], b, () -> walkValue(entry[1], path, i + 1, b, k));
        }
    }

    /** Key/value pairs of a collection: index and element, key and value, element twice for sets. */
    static List<Value[]> entries(Value v) {
        List<Value[]> out = new ArrayList<>();
        if (v instanceof ArrayValue a) {
            for (int i = 0; i < a.size(); i++) out.add(new Value[] {NumberValue.of(i), a.get(i)});
        } else if (v instanceof ObjectValue o) {
            o.entries().forEach((key, val) -> out.add(new Value[] {key, val}));
        } else if (v instanceof SetValue s) {
            s.elements().forEach(e -> out.add(new Value[] {e, e}));
        }
        return out;
    }

    // ---- errors ----

    static RegoException conflict(String message, Loc loc) {
        return new RegoException(RegoException.CONFLICT_ERROR, message, loc.file(), loc.line(), loc.col());
    }

    static RegoException unsafe(Term t) {
        String name = t instanceof Term.Var v ? v.name() : t.toString();
        return new RegoException(
                RegoException.COMPILE_ERROR,
                "var " + name + " is unsafe",
                t.loc().file(),
                t.loc().line(),
                t.loc().col());
    }
}
