package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.RegoError;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.ast.Expr;
import io.maestro.conductor.policy.rego.ast.Loc;
import io.maestro.conductor.policy.rego.ast.Module;
import io.maestro.conductor.policy.rego.ast.Rule;
import io.maestro.conductor.policy.rego.ast.Term;
import io.maestro.conductor.policy.rego.builtins.Builtins;
import io.maestro.conductor.policy.rego.builtins.RegoText;
import io.maestro.conductor.policy.rego.parse.Parser;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles modules into a {@link CompiledPolicy}: parse, resolve names, rewrite calls with an output
 * operand into unifications, reorder bodies for safety, build the rule tree, reject recursion and
 * conflicting rule kinds, and type-check calls. All errors found are reported together.
 */
public final class Compiler {
    private final Builtins builtins;
    private final List<RegoError> errors = new ArrayList<>();
    private final Map<String, Integer> functionArity = new HashMap<>();
    private final Set<String> packageNames = new LinkedHashSet<>();

    private Compiler(Builtins builtins) {
        this.builtins = builtins;
    }

    public static CompiledPolicy compile(List<RegoModule> sources, Value baseData, Builtins builtins) {
        return new Compiler(builtins).run(sources, baseData);
    }

    /** Compiles a query against a compiled policy. */
    public static CompiledQuery compileQuery(String query, CompiledPolicy policy) {
        return compileQuery(query, policy, false);
    }

    /**
     * Compiles a query; with {@code capture}, each top-level term expression's value is bound to a
     * generated variable, as {@code opa eval} reports expression values (a lone expression keeps a
     * {@code false} value; with several, false still fails the query).
     */
    public static CompiledQuery compileQuery(String query, CompiledPolicy policy, boolean capture) {
        Compiler c = new Compiler(policy.builtins());
        c.registerFunctions(policy.root());
        List<Expr> parsed = Parser.parseQuery(query);
        Resolver resolver = new Resolver(List.of(), Set.of(), List.of(), c::isCallable, c::arity, c.errors);
        List<Expr> resolved = resolver.query(parsed);
        List<String> captures = new ArrayList<>();
        List<Expr> body = new ArrayList<>();
        List<Expr> checks = new ArrayList<>();
        for (int i = 0; i < resolved.size(); i++) {
            Expr e = resolved.get(i);
            if (capture && !e.negated() && e.stmt() instanceof Expr.TermStmt ts) {
                Term.Var v = new Term.Var("$capture" + i, e.loc());
                captures.add(v.name());
                body.add(e.withStmt(new Expr.Unify(v, ts.term())));
                if (resolved.size() > 1) checks.add(new Expr(new Expr.TermStmt(v), false, List.of(), e.loc()));
            } else {
                captures.add(null);
                body.add(e);
            }
        }
        body.addAll(checks);
        Set<String> bound = new HashSet<>();
        body = new Safety(c::arity, c.errors).reorder(body, bound, Set.of());
        new TypeCheck(c.builtins, c::userArity, c.errors).body(body);
        c.throwIfErrors();
        List<String> vars = new ArrayList<>();
        for (String v : Vars.shallow(parsed)) if (!v.startsWith("$") && !vars.contains(v)) vars.add(v);
        List<Loc> locs = new ArrayList<>();
        parsed.forEach(e -> locs.add(e.loc()));
        return new CompiledQuery(body, vars, captures, locs);
    }

    private CompiledPolicy run(List<RegoModule> sources, Value baseData) {
        List<Module> modules = new ArrayList<>();
        for (RegoModule m : sources) {
            try {
                modules.add(Parser.parseModule(m.fileName(), m.source()));
            } catch (RegoException e) {
                errors.addAll(e.errors());
            }
        }
        throwIfErrors();
        Map<List<String>, Set<String>> roots = new HashMap<>();
        for (Module m : modules) {
            packageNames.add(String.join(".", m.pkg()));
            Set<String> r = roots.computeIfAbsent(m.pkg(), k -> new HashSet<>());
            for (Rule rule : m.rules()) {
                r.add(((StringValue) ((Term.Scalar) rule.ref().get(0)).value()).value());
                if (rule.kind() == Rule.Kind.FUNCTION)
                    functionArity.put(functionName(m.pkg(), rule), rule.args().size());
            }
        }
        Annotations annotations = new Annotations(modules, errors);
        throwIfErrors();
        RuleNode root = new RuleNode(List.of());
        for (Module m : modules) {
            // every package is a document, {} when it has no rules
            RuleNode node = root;
            for (String p : m.pkg()) node = node.child(StringValue.of(p));
        }
        checkPackagesOutsideRules(modules);
        for (Module m : modules) {
            Resolver resolver =
                    new Resolver(m.pkg(), roots.get(m.pkg()), m.imports(), this::isCallable, this::arity, errors);
            for (int i = 0; i < m.rules().size(); i++) {
                Rule rule = m.rules().get(i);
                Rule resolved = resolver.rule(rule);
                CompiledRule compiled = compileRule(resolved == null ? null : annotations.rewrite(m, i, resolved));
                if (compiled != null) place(root, m.pkg(), rule, compiled);
            }
        }
        checkExtents(root);
        throwIfErrors();
        new Recursion(root).check(errors);
        throwIfErrors();
        return new CompiledPolicy(root, baseData, builtins, new ArrayList<>(packageNames));
    }

    /**
     * A package may not lie inside the document of a rule whose head is constant: OPA's
     * {@code package a.p conflicts with rule p defined at file:line}. (Rules with variables in their head leave
     * room for packages below them.)
     */
    private void checkPackagesOutsideRules(List<Module> modules) {
        for (Module pkg : modules) {
            for (Module owner : modules) {
                for (Rule rule : owner.rules()) {
                    List<String> at = new ArrayList<>(owner.pkg());
                    for (Term t : rule.ref()) {
                        if (!(t instanceof Term.Scalar s) || !(s.value() instanceof StringValue str)) {
                            at = null;
                            break;
                        }
                        at.add(str.value());
                    }
                    boolean inside = at != null
                            && pkg.pkg().size() >= at.size()
                            && pkg.pkg().subList(0, at.size()).equals(at);
                    if (inside) {
                        Loc loc = pkg.pkgLoc();
                        errors.add(new RegoError(
                                RegoException.TYPE_ERROR,
                                "package " + String.join(".", pkg.pkg()) + " conflicts with rule " + headText(rule)
                                        + " defined at " + rule.loc().file() + ":"
                                        + rule.loc().line(),
                                loc.file(),
                                loc.line(),
                                loc.col()));
                    }
                }
            }
        }
    }

    /** A rule's head reference as written, e.g. {@code p.q[x]}. */
    private static String headText(Rule rule) {
        StringBuilder out = new StringBuilder();
        for (Term t : rule.ref()) {
            if (!out.isEmpty()
                    && t instanceof Term.Scalar s
                    && s.value() instanceof StringValue str
                    && str.value().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                out.append('.').append(str.value());
            } else if (out.isEmpty()) {
                out.append(((StringValue) ((Term.Scalar) t).value()).value());
            } else {
                out.append('[')
                        .append(
                                t instanceof Term.Var v
                                        ? v.name()
                                        : t instanceof Term.Scalar s ? RegoText.of(s.value()) : "_")
                        .append(']');
            }
        }
        return out.toString();
    }

    /** A rule with a constant head, a multi-value rule or a function owns its whole document: nothing may be defined below it. */
    private void checkExtents(RuleNode node) {
        CompiledRule owner =
                node.rules().isEmpty() ? node.defaultRule() : node.rules().get(0);
        boolean whole = owner != null && owner.keys().isEmpty();
        if ((whole || node.isFunction()) && !node.children().isEmpty()) {
            List<String> below = new ArrayList<>();
            node.children().values().forEach(c -> below.add(c.dottedName()));
            errors.add(new RegoError(
                    RegoException.TYPE_ERROR,
                    "rule " + node.dottedName() + " conflicts with " + below,
                    owner.loc().file(),
                    owner.loc().line(),
                    owner.loc().col()));
        }
        node.children().values().forEach(this::checkExtents);
    }

    private void registerFunctions(RuleNode node) {
        if (node.isFunction()) {
            CompiledRule r =
                    node.rules().isEmpty() ? node.defaultRule() : node.rules().get(0);
            functionArity.put(node.dottedName(), r.args().size());
        }
        node.children().values().forEach(this::registerFunctions);
    }

    private static String functionName(List<String> pkg, Rule rule) {
        StringBuilder out = new StringBuilder("data");
        pkg.forEach(p -> out.append('.').append(p));
        for (Term t : rule.ref()) {
            if (t instanceof Term.Scalar s && s.value() instanceof StringValue str)
                out.append('.').append(str.value());
            else out.append(".?");
        }
        return out.toString();
    }

    private CompiledRule compileRule(Rule rule) {
        if (rule == null) return null;
        Set<String> bound = new HashSet<>();
        if (rule.args() != null) rule.args().forEach(a -> bound.addAll(Vars.all(a)));
        Set<String> headVars = new HashSet<>(bound);
        for (int i = 1; i < rule.ref().size(); i++)
            headVars.addAll(Vars.shallow(rule.ref().get(i)));
        headVars.addAll(Vars.shallow(rule.value()));
        Safety safety = new Safety(this::arity, errors);
        List<Expr> body = safety.reorder(rule.body(), bound, headVars);
        Set<String> scope = new HashSet<>(headVars);
        scope.addAll(Vars.shallow(body));
        List<Term> keys = new ArrayList<>();
        int constant = constantPrefix(rule);
        for (int i = constant; i < rule.ref().size(); i++)
            keys.add(safety.head(rule.ref().get(i), bound, scope, rule.loc()));
        Term value = safety.head(rule.value(), bound, scope, rule.loc());
        List<Term> args = rule.args();
        TypeCheck types = new TypeCheck(builtins, this::userArity, errors);
        types.body(body);
        keys.forEach(types::term);
        types.term(value);
        CompiledRule elseRule = compileRule(rule.elseRule());
        return new CompiledRule(rule.kind(), keys, args, value, body, elseRule, rule.loc());
    }

    /** Number of leading head terms that are constants (the rule's node); functions use all of them. */
    private static int constantPrefix(Rule rule) {
        int n = 0;
        while (n < rule.ref().size() && rule.ref().get(n) instanceof Term.Scalar) n++;
        return n;
    }

    private void place(RuleNode root, List<String> pkg, Rule rule, CompiledRule compiled) {
        RuleNode node = root;
        for (String p : pkg) node = node.child(StringValue.of(p));
        int constant = constantPrefix(rule);
        if (rule.kind() == Rule.Kind.FUNCTION && constant < rule.ref().size()) {
            error(rule, "function names must be constant");
            return;
        }
        for (int i = 0; i < constant; i++)
            node = node.child(((Term.Scalar) rule.ref().get(i)).value());
        List<CompiledRule> others = new ArrayList<>(node.rules());
        if (node.defaultRule() != null) others.add(node.defaultRule());
        for (CompiledRule other : others) {
            if (other.kind() != compiled.kind()
                    || other.keys().size() != compiled.keys().size()
                    || (other.args() == null ? -1 : other.args().size())
                            != (compiled.args() == null ? -1 : compiled.args().size())) {
                // OPA names the rule by its head as written and reports it where the first of the rules is
                typeError(
                        others.get(0).loc(),
                        "conflicting rules data." + String.join(".", pkg) + "." + headText(rule) + " found");
                return;
            }
        }
        if (!rule.isDefault()) {
            node.add(compiled);
            return;
        }
        CompiledRule first = node.defaultRule();
        if (first != null) {
            typeError(
                    first.loc(),
                    "multiple default rules " + node.dottedName() + " found at "
                            + first.loc().file() + ":" + first.loc().line() + ", "
                            + rule.loc().file() + ":" + rule.loc().line());
        }
        if (!compiled.keys().isEmpty()) error(rule, "default rules must have constant heads");
        node.setDefault(compiled);
    }

    private boolean isCallable(String name) {
        return functionArity.containsKey(name)
                || Specials.contains(name)
                || builtins.lookup(name).isPresent();
    }

    private int userArity(String name) {
        Integer n = functionArity.get(name);
        return n == null ? -1 : n;
    }

    private int arity(String name) {
        int user = userArity(name);
        if (user >= 0) return user;
        if (Specials.contains(name)) return Specials.arity(name);
        return builtins.lookup(name).map(s -> s.arity()).orElse(-1);
    }

    private void typeError(Loc at, String message) {
        errors.add(new RegoError(RegoException.TYPE_ERROR, message, at.file(), at.line(), at.col()));
    }

    private void error(Rule rule, String message) {
        errors.add(new RegoError(
                RegoException.COMPILE_ERROR,
                message,
                rule.loc().file(),
                rule.loc().line(),
                rule.loc().col()));
    }

    private void throwIfErrors() {
        if (errors.isEmpty()) return;
        List<RegoError> sorted = new ArrayList<>(
                new TreeSet<>(errors.stream().map(RegoErrorKey::new).toList())
                        .stream().map(RegoErrorKey::error).toList());
        throw new RegoException(sorted);
    }

    /** Orders errors by file, line, column and drops duplicates. */
    private record RegoErrorKey(RegoError error) implements Comparable<RegoErrorKey> {
        @Override
        public int compareTo(RegoErrorKey o) {
            int c = String.valueOf(error.file()).compareTo(String.valueOf(o.error.file()));
            if (c == 0) c = Integer.compare(error.line(), o.error.line());
            if (c == 0) c = Integer.compare(error.col(), o.error.col());
            if (c == 0) c = error.message().compareTo(o.error.message());
            return c;
        }
    }
}
