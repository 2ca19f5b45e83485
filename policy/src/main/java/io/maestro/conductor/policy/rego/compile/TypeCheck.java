package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.RegoError;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.ast.Expr;
import io.maestro.conductor.policy.rego.ast.Term;
import io.maestro.conductor.policy.rego.builtins.ArgType;
import io.maestro.conductor.policy.rego.builtins.BuiltinSpec;
import io.maestro.conductor.policy.rego.builtins.Builtins;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The compile-time checks OPA reports as {@code rego_type_error}: calls of unknown functions, calls with
 * the wrong number of operands, and constant operands whose kind a builtin never accepts.
 */
final class TypeCheck extends TermWalker {
    private final Builtins builtins;
    private final ToIntFunction<String> userArity;
    private final List<RegoError> errors;

    TypeCheck(Builtins builtins, ToIntFunction<String> userArity, List<RegoError> errors) {
        this.builtins = builtins;
        this.userArity = userArity;
        this.errors = errors;
    }

    @Override
    void body(List<Expr> body) {
        body.forEach(this::expr);
    }

    void expr(Expr e) {
        stmt(e.stmt());
        for (Expr.With w : e.withs()) {
            if (w.target() instanceof Term.Call c && c.args().isEmpty() && arity(c.name()) == Integer.MIN_VALUE) {
                error(c, "undefined function " + c.name());
            }
            if (!validWithTarget(w.target())) {
                errors.add(new RegoError(
                        RegoException.COMPILE_ERROR,
                        "with keyword target must reference existing input, data, or a function",
                        w.loc().file(),
                        w.loc().line(),
                        w.loc().col()));
            }
            if (!(w.value() instanceof Term.Call c2 && c2.args().isEmpty())) term(w.value());
        }
    }

    private static boolean validWithTarget(Term t) {
        if (t instanceof Term.Call c) return c.args().isEmpty();
        Term head = t instanceof Term.Ref r ? r.head() : t;
        return head instanceof Term.Var v
                && (v.name().equals("input") || v.name().equals("data"));
    }

    /** Declared arity; -2 for variadic; MIN_VALUE when the function does not exist. */
    int arity(String name) {
        int user = userArity.applyAsInt(name);
        if (user >= 0) return user;
        if (Specials.contains(name)) return Specials.arity(name);
        Optional<BuiltinSpec> spec = builtins.lookup(name);
        return spec.isPresent() ? spec.get().arity() : Integer.MIN_VALUE;
    }

    @Override
    void call(Term.Call c) {
        int n = arity(c.name());
        if (n == Integer.MIN_VALUE) {
            error(c, "undefined function " + c.name());
            return;
        }
        if (n == -2) return;
        if (c.args().size() != n) {
            error(c, c.name() + ": arity mismatch: have " + c.args().size() + " operands, want " + n);
            return;
        }
        Optional<BuiltinSpec> spec = userArity.applyAsInt(c.name()) >= 0 ? Optional.empty() : builtins.lookup(c.name());
        if (spec.isEmpty()) return;
        for (int i = 0; i < n; i++) {
            if (!(c.args().get(i) instanceof Term.Scalar s)) continue;
            Set<ArgType> allowed = spec.get().operands().get(i);
            ArgType actual = kind(s.value());
            if (!allowed.contains(actual)) {
                error(
                        c,
                        c.name() + ": operand " + (i + 1) + " must be " + describe(allowed) + " but got "
                                + actual.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    static ArgType kind(Value v) {
        return ArgType.valueOf(v.typeName().toUpperCase(Locale.ROOT));
    }

    private static String describe(Set<ArgType> allowed) {
        if (allowed.size() == 1) return allowed.iterator().next().name().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder("one of {");
        boolean first = true;
        for (ArgType a : ArgType.values()) {
            if (!allowed.contains(a)) continue;
            if (!first) out.append(", ");
            out.append(a.name().toLowerCase(Locale.ROOT));
            first = false;
        }
        return out.append('}').toString();
    }

    private void error(Term at, String message) {
        errors.add(new RegoError(
                RegoException.TYPE_ERROR,
                message,
                at.loc().file(),
                at.loc().line(),
                at.loc().col()));
    }
}
