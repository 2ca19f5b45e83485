package io.maestro.conductor.policy.rego.parse;

import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.ast.Expr;
import io.maestro.conductor.policy.rego.ast.Loc;
import io.maestro.conductor.policy.rego.ast.Module;
import io.maestro.conductor.policy.rego.ast.Rule;
import io.maestro.conductor.policy.rego.ast.Term;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recursive-descent parser for Rego v1 modules and queries. Operator precedence follows OPA's parser
 * (lowest first): {@code in}, comparisons, {@code |}, {@code &}, {@code + -}, {@code * / %}. Nesting is
 * bounded so hostile input gives a parse error, never a stack overflow.
 */
public final class Parser {
    private static final int MAX_NESTING = 200;
    private static final Set<String> KEYWORDS = Set.of(
            "package", "import", "as", "default", "if", "else", "contains", "some", "every", "in", "not", "with");
    private static final Map<String, String> RELATIONS =
            Map.of("==", "equal", "!=", "neq", "<", "lt", "<=", "lte", ">", "gt", ">=", "gte");

    private final String file;
    private final List<Token> tokens;
    private int i;
    private int depth;
    private int wildcards;
    private final List<Lexer.Comment> comments = new ArrayList<>();

    private Parser(String file, String src) {
        this.file = file;
        this.tokens = Lexer.tokenize(file, src, comments);
    }

    public static Module parseModule(String file, String src) {
        return new Parser(file, src).module();
    }

    /** Parses a query: literals separated by {@code ;} or newlines. */
    public static List<Expr> parseQuery(String src) {
        Parser p = new Parser("query", src);
        List<Expr> body = p.literals(null);
        if (body.isEmpty()) throw p.error("empty query", p.peek());
        return body;
    }

    // ---- module level ----

    private Module module() {
        Token t = peek();
        if (!t.is("package")) throw error("package expected", t);
        next();
        List<String> pkg = dottedPath();
        List<Module.Import> imports = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<Metadata.Statement> statements = new ArrayList<>();
        statements.add(new Metadata.Statement(t.line(), 0, -1));
        while (keyword("import")) {
            Token it = next();
            statements.add(new Metadata.Statement(it.line(), 1, -1));
            List<String> path = dottedPath();
            String alias = path.get(path.size() - 1);
            if (peek().is("as")) {
                next();
                alias = ident("import alias");
            }
            String root = path.get(0);
            if (root.equals("future") || root.equals("rego")) continue;
            if (!root.equals("data") && !root.equals("input")) {
                throw error("invalid import, must begin with input or data", it);
            }
            imports.add(new Module.Import(path, alias, loc(it)));
        }
        while (peek().kind() != Token.Kind.EOF) {
            if (keyword("import")) throw error("imports must come before rules", peek());
            statements.add(new Metadata.Statement(peek().line(), 2, rules.size()));
            rules.add(rule());
        }
        if (!Metadata.any(comments)) return new Module(file, pkg, loc(t), imports, rules);
        return new Module(file, pkg, loc(t), imports, rules, Metadata.annotations(file, comments, statements));
    }

    private List<String> dottedPath() {
        List<String> path = new ArrayList<>();
        path.add(ident("name"));
        while (true) {
            if (peek().isOp(".") && !peek().spaced()) {
                next();
                path.add(anyIdent());
            } else if (peek().isOp("[") && !peek().spaced()) {
                next();
                Token s = next();
                if (s.kind() != Token.Kind.STRING)
                    throw error("unexpected " + s.describe() + " token: expected string", s);
                path.add(s.text());
                expectOp("]");
            } else {
                return path;
            }
        }
    }

    private Rule rule() {
        Token first = peek();
        boolean isDefault = false;
        if (keyword("default")) {
            next();
            isDefault = true;
        }
        Token nameTok = peek();
        List<Term> ref = new ArrayList<>();
        String name = startsRef(i) ? next().text() : ident("rule name");
        ref.add(new Term.Scalar(StringValue.of(name), loc(nameTok)));
        while (true) {
            Token t = peek();
            if (t.isOp(".") && !t.spaced()) {
                next();
                Token n = peek();
                ref.add(new Term.Scalar(StringValue.of(anyIdent()), loc(n)));
            } else if (t.isOp("[") && !t.spaced()) {
                next();
                ref.add(termIn(false));
                expectOp("]");
            } else {
                break;
            }
        }
        List<Term> args = null;
        if (peek().isOp("(") && !peek().spaced()) {
            next();
            args = termList(")");
        }
        Loc loc = loc(first);
        if (isDefault) {
            Token op = next();
            if (!op.isOp(":=") && !op.isOp("=")) throw error("default rules must use = or := operator", op);
            Term value = termIn(false);
            Rule.Kind kind = args == null ? Rule.Kind.SINGLE : Rule.Kind.FUNCTION;
            return new Rule(kind, ref, args, value, true, List.of(), null, loc);
        }
        Rule.Kind kind = args == null ? Rule.Kind.SINGLE : Rule.Kind.FUNCTION;
        Term value = null;
        if (keyword("contains")) {
            if (args != null) throw error("function rules cannot use contains", peek());
            next();
            kind = Rule.Kind.MULTI;
            value = termIn(false);
        } else if (peek().isOp(":=") || peek().isOp("=")) {
            next();
            value = termIn(false);
        }
        if (value == null) value = new Term.Scalar(BooleanValue.TRUE, loc);
        List<Expr> body = ruleBody(loc);
        Rule elseRule = null;
        if (keyword("else")) {
            if (kind == Rule.Kind.MULTI) throw error("else keyword cannot be used on multi-value rules", peek());
            elseRule = elseChain(kind, ref, args);
        }
        return new Rule(kind, ref, args, value, false, body, elseRule, loc);
    }

    private Rule elseChain(Rule.Kind kind, List<Term> ref, List<Term> args) {
        Token e = next();
        Term value = new Term.Scalar(BooleanValue.TRUE, loc(e));
        if (peek().isOp(":=") || peek().isOp("=")) {
            next();
            value = termIn(false);
        }
        List<Expr> body = ruleBody(loc(e));
        Rule more = keyword("else") ? elseChain(kind, ref, args) : null;
        return new Rule(kind, ref, args, value, false, body, more, loc(e));
    }

    /** {@code if { ... }}, {@code if literal}, or nothing (body {@code true}). */
    private List<Expr> ruleBody(Loc at) {
        Token t = peek();
        if (t.isOp("{")) throw error("`if` keyword is required before rule body", t);
        if (!t.is("if") || startsRef(i)) return List.of(trueExpr(at));
        next();
        if (peek().isOp("{")) {
            int save = i;
            next();
            try {
                List<Expr> body = literals("}");
                expectOp("}");
                if (!body.isEmpty()) return body;
            } catch (RegoException notABlock) {
                // `if {x: v | ...}` is a one-literal body that starts with a brace
            }
            i = save;
        }
        return List.of(literal());
    }

    private static Expr trueExpr(Loc at) {
        return new Expr(new Expr.TermStmt(new Term.Scalar(BooleanValue.TRUE, at)), false, List.of(), at);
    }

    // ---- bodies and literals ----

    /** Literals up to {@code end} (not consumed), or EOF when end is null. */
    private List<Expr> literals(String end) {
        List<Expr> out = new ArrayList<>();
        while (true) {
            while (peek().isOp(";")) next();
            Token t = peek();
            if (end == null ? t.kind() == Token.Kind.EOF : t.isOp(end)) return out;
            if (t.kind() == Token.Kind.EOF) throw error("unexpected eof token: expected " + end, t);
            out.add(literal());
            Token after = peek();
            boolean ended = after.isOp(";")
                    || after.newline()
                    || after.kind() == Token.Kind.EOF
                    || (end != null && after.isOp(end));
            if (!ended) throw error("unexpected " + after.describe() + " token", after);
        }
    }

    private Expr literal() {
        Token start = peek();
        Loc loc = loc(start);
        if (startsRef(i)) return withModifiers(expression(), false, loc);
        if (start.is("some")) {
            next();
            return withModifiers(someStmt(start), false, loc);
        }
        if (start.is("every")) {
            next();
            return withModifiers(everyStmt(start), false, loc);
        }
        boolean negated = false;
        if (start.is("not")) {
            next();
            negated = true;
            List<Expr> block = peek().isOp("{") ? notBody() : null;
            if (block != null) return withModifiers(new Expr.Block(block), true, loc);
        }
        return withModifiers(expression(), negated, loc);
    }

    /**
     * The body of {@code not { ... }}, or null (nothing consumed) when the braces hold a set or object
     * instead: a body is tried first, as current OPA reads a brace after {@code not}.
     */
    private List<Expr> notBody() {
        int save = i;
        next();
        try {
            List<Expr> body = literals("}");
            expectOp("}");
            Token after = peek();
            boolean ends = after.isOp(";")
                    || after.isOp("}")
                    || after.isOp("]")
                    || after.newline()
                    || after.kind() == Token.Kind.EOF
                    || keyword("with")
                    || keyword("else");
            if (!body.isEmpty() && ends) return body;
        } catch (RegoException notABody) {
            // a set or object literal after `not`
        }
        i = save;
        return null;
    }

    /** A term, a unification or an assignment. */
    private Expr.Stmt expression() {
        Term left = termIn(true);
        if (peek().isOp("=")) {
            next();
            return new Expr.Unify(left, termIn(true));
        }
        if (peek().isOp(":=")) {
            next();
            return new Expr.Assign(left, termIn(true));
        }
        return new Expr.TermStmt(left);
    }

    /** Whether the next token is this keyword acting as one, not as the start of a reference. */
    private boolean keyword(String word) {
        return peek().is(word) && !startsRef(i);
    }

    /**
     * Whether the token at {@code at} is a keyword used as the first segment of a reference ({@code as.foo},
     * {@code if[0]}): OPA reads a keyword directly followed by {@code .} or {@code [} as a name.
     */
    private boolean startsRef(int at) {
        Token t = tokens.get(at);
        if (t.kind() != Token.Kind.IDENT || !KEYWORDS.contains(t.text()) || at + 1 >= tokens.size()) return false;
        Token after = tokens.get(at + 1);
        return !after.spaced() && (after.isOp(".") || after.isOp("["));
    }

    private Expr withModifiers(Expr.Stmt stmt, boolean negated, Loc loc) {
        List<Expr.With> withs = new ArrayList<>();
        while (keyword("with")) {
            Token w = next();
            Term target = term();
            Token as = next();
            if (!as.is("as")) throw error("unexpected " + as.describe() + " token: expected as", as);
            withs.add(new Expr.With(target, termIn(false), loc(w)));
        }
        return new Expr(stmt, negated, withs, loc);
    }

    private Expr.Stmt someStmt(Token some) {
        int save = i;
        Term t = termIn(true);
        if (t instanceof Term.Call c && c.name().equals(MEMBER2)) {
            return new Expr.SomeIn(null, c.args().get(0), c.args().get(1));
        }
        if (t instanceof Term.Call c && c.name().equals(MEMBER3)) {
            return new Expr.SomeIn(c.args().get(0), c.args().get(1), c.args().get(2));
        }
        i = save;
        List<Term.Var> vars = new ArrayList<>();
        do {
            if (!vars.isEmpty()) next();
            Token v = peek();
            vars.add(new Term.Var(ident("variable"), loc(v)));
        } while (peek().isOp(","));
        return new Expr.SomeDecl(vars);
    }

    private Expr.Stmt everyStmt(Token every) {
        Term t = termIn(true);
        Term key = null;
        Term value;
        Term coll;
        if (t instanceof Term.Call c && c.name().equals(MEMBER2)) {
            value = c.args().get(0);
            coll = c.args().get(1);
        } else if (t instanceof Term.Call c && c.name().equals(MEMBER3)) {
            key = c.args().get(0);
            value = c.args().get(1);
            coll = c.args().get(2);
        } else {
            throw error("unexpected term: expected `in` after every", every);
        }
        if (!(value instanceof Term.Var) || (key != null && !(key instanceof Term.Var))) {
            throw error("every keyword requires variables before `in`", every);
        }
        expectOp("{");
        List<Expr> body = literals("}");
        expectOp("}");
        return new Expr.Every(key, value, coll, body);
    }

    // ---- terms, by precedence ----

    /** The builtins {@code x in xs} and {@code k, v in xs} call. */
    public static final String MEMBER2 = "internal.member_2";

    public static final String MEMBER3 = "internal.member_3";
    /** What a template string compiles to: its parts, rendered and joined when evaluated. */
    public static final String TEMPLATE_STRING = "internal.template_string";

    private Term termIn(boolean keyVal) {
        return termIn(keyVal, false);
    }

    private Term termIn(boolean keyVal, boolean noUnion) {
        enter();
        try {
            Term lhs = relation(noUnion);
            while (true) {
                if (keyVal && peek().isOp(",")) {
                    int save = i;
                    next();
                    Term mhs = relation(noUnion);
                    if (keyword("in")) {
                        next();
                        Term rhs = relation(noUnion);
                        lhs = new Term.Call(MEMBER3, List.of(lhs, mhs, rhs), lhs.loc());
                        continue;
                    }
                    i = save;
                }
                if (keyword("in")) {
                    next();
                    Term rhs = relation(noUnion);
                    lhs = new Term.Call(MEMBER2, List.of(lhs, rhs), lhs.loc());
                    continue;
                }
                return lhs;
            }
        } finally {
            depth--;
        }
    }

    private Term relation(boolean noUnion) {
        Term lhs = union(noUnion);
        while (peek().kind() == Token.Kind.OP && RELATIONS.containsKey(peek().text())) {
            String op = RELATIONS.get(next().text());
            lhs = new Term.Call(op, List.of(lhs, union(noUnion)), lhs.loc());
        }
        return lhs;
    }

    private Term union(boolean noUnion) {
        Term lhs = intersection();
        while (!noUnion && peek().isOp("|")) {
            next();
            lhs = new Term.Call("or", List.of(lhs, intersection()), lhs.loc());
        }
        return lhs;
    }

    private Term intersection() {
        Term lhs = arith();
        while (peek().isOp("&")) {
            next();
            lhs = new Term.Call("and", List.of(lhs, arith()), lhs.loc());
        }
        return lhs;
    }

    private Term arith() {
        Term lhs = factor();
        while (peek().isOp("+") || peek().isOp("-")) {
            String op = next().text().equals("+") ? "plus" : "minus";
            lhs = new Term.Call(op, List.of(lhs, factor()), lhs.loc());
        }
        return lhs;
    }

    private Term factor() {
        Term lhs = unary();
        while (peek().isOp("*") || peek().isOp("/") || peek().isOp("%")) {
            String t = next().text();
            String op = t.equals("*") ? "mul" : t.equals("/") ? "div" : "rem";
            lhs = new Term.Call(op, List.of(lhs, unary()), lhs.loc());
        }
        return lhs;
    }

    private Term unary() {
        Token t = peek();
        if (t.isOp("-")) {
            next();
            Token n = peek();
            if (n.kind() == Token.Kind.NUMBER && !n.spaced()) {
                next();
                return refTail(new Term.Scalar(number("-" + n.text(), n), loc(t)));
            }
            Term operand = unary();
            return new Term.Call("minus", List.of(new Term.Scalar(NumberValue.of(0), loc(t)), operand), loc(t));
        }
        return term();
    }

    private Term term() {
        enter();
        try {
            return refTail(primary());
        } finally {
            depth--;
        }
    }

    private Term primary() {
        Token t = next();
        Loc loc = loc(t);
        switch (t.kind()) {
            case NUMBER:
                return new Term.Scalar(number(t.text(), t), loc);
            case STRING:
                return new Term.Scalar(StringValue.of(t.text()), loc);
            case IDENT:
                return identTerm(t, loc);
            case TEMPLATE_PART:
            case TEMPLATE_END:
                return template(t, loc);
            case EOF:
                throw error("unexpected eof token", t);
            default:
                break;
        }
        if (t.isOp("(")) {
            Term inner = termIn(true);
            expectOp(")");
            return inner;
        }
        if (t.isOp("[")) return arrayOrComprehension(loc);
        if (t.isOp("{")) return objectSetOrComprehension(loc);
        throw error("unexpected " + t.describe() + " token", t);
    }

    private Term identTerm(Token t, Loc loc) {
        switch (t.text()) {
            case "true":
                return new Term.Scalar(BooleanValue.TRUE, loc);
            case "false":
                return new Term.Scalar(BooleanValue.FALSE, loc);
            case "null":
                return new Term.Scalar(NullValue.INSTANCE, loc);
            case "_":
                return new Term.Var("$_" + (wildcards++), loc);
            default:
                break;
        }
        if (t.text().equals("set")
                && peek().isOp("(")
                && !peek().spaced()
                && tokens.get(i + 1).isOp(")")) {
            next();
            next();
            return new Term.Scalar(SetValue.EMPTY, loc);
        }
        boolean callsContains = t.text().equals("contains") && peek().isOp("(") && !peek().spaced();
        boolean named = callsContains || startsRef(i - 1);
        if (KEYWORDS.contains(t.text()) && !named) throw error("unexpected " + t.text() + " keyword", t);
        return new Term.Var(t.text(), loc);
    }

    /**
     * {@code $"text {expr} text"}: literal parts and the expressions between them, as a call of
     * {@link #TEMPLATE_STRING}. Each expression is a plain term: OPA refuses negation, unification, assignment,
     * {@code some} and {@code every} there.
     */
    private Term template(Token first, Loc loc) {
        List<Term> parts = new ArrayList<>();
        Token part = first;
        while (true) {
            if (!part.text().isEmpty()) parts.add(new Term.Scalar(StringValue.of(part.text()), loc(part)));
            if (part.kind() == Token.Kind.TEMPLATE_END) return new Term.Call(TEMPLATE_STRING, parts, loc);
            Token start = peek();
            Expr e = literal();
            String refused = e.negated()
                    ? "negation ('not')"
                    : e.stmt() instanceof Expr.Unify
                            ? "unification ('=')"
                            : e.stmt() instanceof Expr.Assign
                                    ? "assignment (':=')"
                                    : e.stmt() instanceof Expr.Every
                                            ? "'every'"
                                            : e.stmt() instanceof Expr.SomeIn || e.stmt() instanceof Expr.SomeDecl
                                                    ? "'some'"
                                                    : !e.withs().isEmpty() ? "'with'" : null;
            if (refused != null) throw error("unexpected " + refused + " in template-string expression", start);
            parts.add(((Expr.TermStmt) e.stmt()).term());
            part = next();
            if (part.kind() != Token.Kind.TEMPLATE_PART && part.kind() != Token.Kind.TEMPLATE_END) {
                throw error("expected } to end template string expression", part);
            }
        }
    }

    private Term refTail(Term head) {
        Term current = head;
        while (true) {
            Token t = peek();
            if (t.spaced()) return current;
            if (t.isOp(".")) {
                next();
                Token n = peek();
                String key = anyIdent();
                current = appendPath(current, new Term.Scalar(StringValue.of(key), loc(n)));
            } else if (t.isOp("[")) {
                next();
                Term index = termIn(false);
                expectOp("]");
                current = appendPath(current, index);
            } else if (t.isOp("(")) {
                String name = callName(current);
                if (name == null) return current;
                next();
                current = new Term.Call(name, termList(")"), current.loc());
            } else {
                return current;
            }
        }
    }

    private static Term appendPath(Term current, Term element) {
        if (current instanceof Term.Ref r) {
            List<Term> path = new ArrayList<>(r.path());
            path.add(element);
            return new Term.Ref(r.head(), path, r.loc());
        }
        return new Term.Ref(current, List.of(element), current.loc());
    }

    /** The dotted name a call target spells, or null when it is not a plain name. */
    private static String callName(Term target) {
        if (target instanceof Term.Var v) return v.isWildcard() ? null : v.name();
        if (target instanceof Term.Ref r && r.head() instanceof Term.Var v) {
            StringBuilder name = new StringBuilder(v.name());
            for (Term p : r.path()) {
                if (!(p instanceof Term.Scalar s) || !(s.value() instanceof StringValue str)) return null;
                name.append('.').append(str.value());
            }
            return name.toString();
        }
        return null;
    }

    private Term arrayOrComprehension(Loc loc) {
        if (peek().isOp("]")) {
            next();
            return new Term.Scalar(ArrayValue.EMPTY, loc);
        }
        int save = i;
        Term head = termIn(false, true);
        if (peek().isOp("|")) {
            next();
            List<Expr> body = literals("]");
            expectOp("]");
            return new Term.ArrayCompr(head, body, loc);
        }
        i = save;
        List<Term> elems = termList("]");
        return fold(new Term.ArrayTerm(elems, loc));
    }

    private Term objectSetOrComprehension(Loc loc) {
        if (peek().isOp("}")) {
            next();
            return new Term.Scalar(ObjectValue.EMPTY, loc);
        }
        int save = i;
        Term first = termIn(false, true);
        if (peek().isOp(":")) {
            next();
            Term value = termIn(false, true);
            if (peek().isOp("|")) {
                next();
                List<Expr> body = literals("}");
                expectOp("}");
                return new Term.ObjectCompr(first, value, body, loc);
            }
            i = save;
            List<Term> keys = new ArrayList<>();
            List<Term> values = new ArrayList<>();
            while (true) {
                if (peek().isOp("}")) break;
                keys.add(termIn(false));
                expectOp(":");
                values.add(termIn(false));
                if (peek().isOp(",")) {
                    next();
                    continue;
                }
                if (!peek().isOp("}"))
                    throw error("unexpected " + peek().describe() + " token: expected , or }", peek());
            }
            next();
            return fold(new Term.ObjectTerm(keys, values, loc));
        }
        if (peek().isOp("|")) {
            next();
            List<Expr> body = literals("}");
            expectOp("}");
            return new Term.SetCompr(first, body, loc);
        }
        i = save;
        return fold(new Term.SetTerm(termList("}"), loc));
    }

    /** Comma-separated terms up to the closing operator (consumed); a trailing comma is allowed. */
    private List<Term> termList(String close) {
        List<Term> out = new ArrayList<>();
        while (!peek().isOp(close)) {
            out.add(termIn(false));
            if (peek().isOp(",")) {
                next();
            } else if (!peek().isOp(close)) {
                throw error("unexpected " + peek().describe() + " token: expected , or " + close, peek());
            }
        }
        next();
        return out;
    }

    /** Composite literals whose parts are all constant become one constant. */
    private static Term fold(Term t) {
        if (t instanceof Term.ArrayTerm a && allScalar(a.elements())) {
            List<Value> vs = new ArrayList<>();
            a.elements().forEach(e -> vs.add(((Term.Scalar) e).value()));
            return new Term.Scalar(new ArrayValue(vs), a.loc());
        }
        if (t instanceof Term.SetTerm s && allScalar(s.elements())) {
            Set<Value> vs = new TreeSet<>();
            s.elements().forEach(e -> vs.add(((Term.Scalar) e).value()));
            return new Term.Scalar(SetValue.of(vs), s.loc());
        }
        if (t instanceof Term.ObjectTerm o && allScalar(o.keys()) && allScalar(o.values())) {
            Map<Value, Value> m = new TreeMap<>();
            for (int k = 0; k < o.keys().size(); k++) {
                m.put(
                        ((Term.Scalar) o.keys().get(k)).value(),
                        ((Term.Scalar) o.values().get(k)).value());
            }
            return new Term.Scalar(ObjectValue.of(m), o.loc());
        }
        return t;
    }

    private static boolean allScalar(List<Term> terms) {
        for (Term t : terms) if (!(t instanceof Term.Scalar)) return false;
        return true;
    }

    // ---- tokens ----

    private NumberValue number(String text, Token at) {
        try {
            return NumberValue.parse(text);
        } catch (NumberFormatException e) {
            throw error("invalid number " + text, at);
        }
    }

    private void enter() {
        if (++depth > MAX_NESTING) {
            depth = 0;
            throw error("expression nested too deeply (limit " + MAX_NESTING + ")", peek());
        }
    }

    private String ident(String what) {
        Token t = next();
        if (t.kind() != Token.Kind.IDENT || KEYWORDS.contains(t.text())) {
            throw error("unexpected " + t.describe() + " token: expected " + what, t);
        }
        return t.text();
    }

    private String anyIdent() {
        Token t = next();
        if (t.kind() != Token.Kind.IDENT) throw error("unexpected " + t.describe() + " token: expected ident", t);
        return t.text();
    }

    private void expectOp(String op) {
        Token t = next();
        if (!t.isOp(op)) throw error("unexpected " + t.describe() + " token: expected " + op, t);
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Token next() {
        Token t = tokens.get(i);
        if (i < tokens.size() - 1) i++;
        return t;
    }

    private Loc loc(Token t) {
        return new Loc(file, t.line(), t.col());
    }

    private RegoException error(String message, Token at) {
        return new RegoException(RegoException.PARSE_ERROR, message, file, at.line(), at.col());
    }
}
