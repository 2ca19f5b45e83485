package io.maestro.conductor.policy.rego.builtins;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A subset of Go's {@code text/template}, executed over the data OPA's {@code strings.render_template}
 * hands it: the variables object as JSON decoded into Go ({@code map[string]any} with sorted keys,
 * {@code []any}, {@code string}, {@code bool}, {@code nil}; numbers are {@code json.Number}, a string
 * type, so they print as written and compare as strings; sets become arrays).
 *
 * <p>Supported: literal text, comments, {@code {{-}}/{{- -}}} trimming, pipelines with {@code |},
 * fields and field chains ({@code .a.b}, {@code $x.a}, {@code (pipe).a}), variables ({@code $},
 * {@code $x := ...}, {@code $x = ...}), string/number/boolean/nil constants, {@code if}/{@code else if}/
 * {@code else}, {@code with}/{@code else}, {@code range} (with one or two variables, over arrays, maps
 * and integers, with {@code else}, {@code break} and {@code continue}) and the functions {@code and or not
 * len index eq ne lt le gt ge print println}. Everything else ({@code define}, {@code template},
 * {@code block}, other functions, methods) is an error rather than a guess. A missing map key yields
 * Go's "no value", which prints as {@code <no value>}.
 */
final class GoTemplate {
    /** Go's invalid reflect.Value: a missing map key, or nothing at all. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<no value>";
        }
    };

    /** A template parse or execution error, worded like Go's where it matters. */
    static final class TemplateException extends RuntimeException {
        TemplateException(String message) {
            super(message);
        }
    }

    /**
     * Rendering stops with an error past this many characters (16 Mi), so a runaway {@code range} fails
     * the builtin instead of exhausting the heap. Go has no such bounds; they are guards, not rules.
     */
    static final int MAX_OUTPUT = 16 * 1024 * 1024;

    /** Likewise a bound on executed nodes (actions, texts, control structures), for loops that print nothing. */
    static final long MAX_STEPS = 10_000_000L;

    private static final Set<String> KNOWN_UNSUPPORTED = Set.of("printf", "html", "js", "urlquery", "slice", "call");

    private GoTemplate() {}

    /** Parses and executes {@code template} over {@code vars}. */
    static String render(String template, ObjectValue vars) {
        List<Node> nodes = new Parser(template).parseAll();
        StringBuilder out = new StringBuilder();
        Object data = toGo(vars);
        Exec exec = new Exec(out, data);
        exec.walk(nodes, data, new Scope(null));
        return out.toString();
    }

    // ---- data ---------------------------------------------------------------------------------

    /** The Go value JSON decoding with {@code UseNumber} produces for a Rego value. */
    static Object toGo(Value v) {
        if (v instanceof StringValue s) return s.value();
        if (v instanceof NumberValue n) return n.toString();
        if (v instanceof BooleanValue b) return b.value();
        if (v instanceof NullValue) return null;
        if (v instanceof ArrayValue a) {
            List<Object> out = new ArrayList<>(a.size());
            for (Value e : a.elements()) out.add(toGo(e));
            return out;
        }
        if (v instanceof SetValue s) {
            List<Object> out = new ArrayList<>(s.size());
            for (Value e : s.elements()) out.add(toGo(e));
            return out;
        }
        if (v instanceof ObjectValue o) {
            TreeMap<String, Object> out = new TreeMap<>();
            for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
                if (!(e.getKey() instanceof StringValue k)) {
                    throw new TemplateException(
                            "json: unsupported object key of type " + e.getKey().typeName());
                }
                out.put(k.value(), toGo(e.getValue()));
            }
            return out;
        }
        throw new TemplateException("unsupported value of type " + v.typeName());
    }

    // ---- syntax tree --------------------------------------------------------------------------

    private interface Node {}

    private record Text(String text) implements Node {}

    /** {@code {{pipeline}}}: prints unless the pipeline declares or assigns variables. */
    private record Action(Pipe pipe, int line) implements Node {}

    private record If(Pipe pipe, List<Node> then, List<Node> otherwise, boolean with, int line) implements Node {}

    private record Range(Pipe pipe, List<Node> body, List<Node> otherwise, int line) implements Node {}

    private record Break(int line) implements Node {}

    private record Continue(int line) implements Node {}

    /** Variables declared ({@code :=}) or assigned ({@code =}) by a pipeline, and its commands. */
    private record Pipe(List<String> vars, boolean declare, List<List<Arg>> commands) {}

    private interface Arg {}

    private record Dot() implements Arg {}

    private record Field(Arg receiver, List<String> chain, String text) implements Arg {}

    private record Var(String name) implements Arg {}

    private record Const(Object value) implements Arg {}

    private record Ident(String name) implements Arg {}

    private record SubPipe(Pipe pipe) implements Arg {}

    // ---- lexing and parsing ---------------------------------------------------------------------

    /** One {@code {{...}}} action's inner text, or a piece of literal text. */
    private record Item(boolean action, String text, int line) {}

    private static final class Parser {
        private final List<Item> items = new ArrayList<>();
        private int pos;
        private int rangeDepth;

        Parser(String src) {
            lexItems(src);
        }

        private void lexItems(String src) {
            int i = 0;
            int line = 1;
            boolean trimNext = false;
            while (i < src.length()) {
                int open = src.indexOf("{{", i);
                String text = open < 0 ? src.substring(i) : src.substring(i, open);
                if (trimNext) text = stripLeading(text);
                boolean trimPrev = open >= 0 && src.startsWith("{{- ", open)
                        || open >= 0 && src.startsWith("{{-\t", open)
                        || open >= 0 && src.startsWith("{{-\n", open)
                        || open >= 0 && src.startsWith("{{-\r", open);
                if (trimPrev) text = stripTrailing(text);
                if (!text.isEmpty()) items.add(new Item(false, text, line));
                line += count(open < 0 ? src.substring(i) : src.substring(i, open), '\n');
                if (open < 0) break;
                int start = open + 2 + (trimPrev ? 2 : 0);
                int close = findClose(src, start, line);
                int innerEnd = close;
                trimNext = false;
                if (close - 2 >= start && src.charAt(close - 1) == '-' && isSpace(src.charAt(close - 2))) {
                    trimNext = true;
                    innerEnd = close - 1;
                }
                String inner = src.substring(start, innerEnd);
                String trimmed = inner.strip();
                if (trimmed.startsWith("/*")) {
                    if (!trimmed.endsWith("*/")) throw parseError(line, "unclosed comment");
                } else {
                    items.add(new Item(true, inner, line));
                }
                line += count(src.substring(open, close + 2), '\n');
                i = close + 2;
            }
        }

        /** The index of the {@code }}} closing an action that starts at {@code from}, skipping quoted text. */
        private static int findClose(String src, int from, int line) {
            int i = from;
            while (i < src.length()) {
                char c = src.charAt(i);
                if (c == '"' || c == '`' || c == '\'') {
                    int j = i + 1;
                    while (j < src.length() && src.charAt(j) != c) {
                        if (c != '`' && src.charAt(j) == '\\') j++;
                        if (c != '`' && j < src.length() && src.charAt(j) == '\n')
                            throw parseError(line, "unterminated quoted string");
                        j++;
                    }
                    if (j >= src.length()) throw parseError(line, "unterminated quoted string");
                    i = j + 1;
                    continue;
                }
                if (c == '/' && src.startsWith("/*", i)) {
                    int end = src.indexOf("*/", i + 2);
                    if (end < 0) throw parseError(line, "unclosed comment");
                    i = end + 2;
                    continue;
                }
                if (src.startsWith("}}", i)) return i;
                i++;
            }
            throw parseError(line, "unclosed action");
        }

        List<Node> parseAll() {
            List<Node> nodes = new ArrayList<>();
            String end = parseList(nodes);
            if (end != null)
                throw parseError(items.get(Math.min(pos, items.size() - 1)).line, "unexpected {{" + end + "}}");
            return nodes;
        }

        /** Parses nodes until {@code {{end}}} or {@code {{else ...}}}; returns that keyword, or null at EOF. */
        private String parseList(List<Node> out) {
            while (pos < items.size()) {
                Item item = items.get(pos++);
                if (!item.action) {
                    out.add(new Text(item.text));
                    continue;
                }
                Lexer lx = new Lexer(item.text, item.line);
                String word = lx.peekWord();
                switch (word) {
                    case "end" -> {
                        lx.word();
                        lx.expectEnd();
                        return "end";
                    }
                    case "else" -> {
                        pos--;
                        return "else";
                    }
                    case "if", "with" -> {
                        lx.word();
                        out.add(parseIf(lx, word.equals("with"), item.line));
                    }
                    case "range" -> {
                        lx.word();
                        out.add(parseRange(lx, item.line));
                    }
                    case "break", "continue" -> {
                        lx.word();
                        lx.expectEnd();
                        if (rangeDepth == 0) throw parseError(item.line, "{{" + word + "}} outside {{range}}");
                        out.add(word.equals("break") ? new Break(item.line) : new Continue(item.line));
                    }
                    case "define", "template", "block" ->
                        throw new TemplateException(
                                "template: template:" + item.line + ": {{" + word + "}} is not supported");
                    default -> out.add(new Action(lx.pipeline(true), item.line));
                }
            }
            return null;
        }

        private If parseIf(Lexer lx, boolean with, int line) {
            Pipe pipe = lx.pipeline(true);
            List<Node> then = new ArrayList<>();
            String end = parseList(then);
            if (end == null) throw parseError(line, "unexpected EOF");
            List<Node> otherwise = List.of();
            if (end.equals("else")) {
                Lexer el = elseClause();
                String next = el.peekWord();
                if (next.equals("if") || next.equals("with")) {
                    // {{else if ...}} / {{else with ...}}: a nested conditional sharing this one's {{end}}.
                    el.word();
                    otherwise = List.of(parseIf(el, next.equals("with"), el.line));
                } else {
                    otherwise = parseElseBody(el);
                }
            }
            return new If(pipe, then, otherwise, with, line);
        }

        private Range parseRange(Lexer lx, int line) {
            Pipe pipe = lx.pipeline(true);
            if (pipe.vars.size() > 2) throw parseError(line, "too many declarations in range");
            rangeDepth++;
            List<Node> body = new ArrayList<>();
            String end = parseList(body);
            rangeDepth--;
            if (end == null) throw parseError(line, "unexpected EOF");
            List<Node> otherwise = List.of();
            if (end.equals("else")) otherwise = parseElseBody(elseClause());
            return new Range(pipe, body, otherwise, line);
        }

        /** The lexer of the {@code {{else ...}}} action that {@link #parseList} stopped at, past the word. */
        private Lexer elseClause() {
            Item item = items.get(pos++);
            Lexer el = new Lexer(item.text, item.line);
            el.word();
            return el;
        }

        /** The body of a plain {@code {{else}}} (the lexer is past the word) up to its {@code {{end}}}. */
        private List<Node> parseElseBody(Lexer el) {
            int line = el.line;
            el.expectEnd();
            List<Node> rest = new ArrayList<>();
            String end = parseList(rest);
            if (!"end".equals(end))
                throw parseError(line, end == null ? "unexpected EOF" : "expected end; found {{else}}");
            return rest;
        }
    }

    /** Tokens of one action. */
    private static final class Lexer {
        private final String s;
        private final int line;
        private int i;

        Lexer(String s, int line) {
            this.s = s;
            this.line = line;
        }

        private void skipSpace() {
            while (i < s.length() && isSpace(s.charAt(i))) i++;
        }

        String peekWord() {
            int save = i;
            String w = word();
            i = save;
            return w;
        }

        String word() {
            skipSpace();
            int start = i;
            while (i < s.length() && isIdentChar(s.charAt(i))) i++;
            return s.substring(start, i);
        }

        void expectEnd() {
            skipSpace();
            if (i < s.length()) throw parseError(line, "unexpected \"" + s.substring(i) + "\" in action");
        }

        /** A pipeline up to the end of the action (or a closing parenthesis when nested). */
        Pipe pipeline(boolean top) {
            skipSpace();
            List<String> vars = new ArrayList<>();
            boolean declare = false;
            int save = i;
            // Optional "$x :=", "$x =", "$i, $v :=".
            List<String> decl = new ArrayList<>();
            while (true) {
                skipSpace();
                if (i < s.length() && s.charAt(i) == '$') {
                    int start = i++;
                    while (i < s.length() && isIdentChar(s.charAt(i))) i++;
                    decl.add(s.substring(start, i));
                    skipSpace();
                    if (i < s.length() && s.charAt(i) == ',' && decl.size() == 1) {
                        i++;
                        continue;
                    }
                    if (s.startsWith(":=", i)) {
                        i += 2;
                        declare = true;
                        vars = decl;
                    } else if (i < s.length() && s.charAt(i) == '=' && !s.startsWith("==", i)) {
                        i++;
                        vars = decl;
                    } else {
                        i = save;
                    }
                }
                break;
            }
            if (vars.isEmpty()) i = save;
            List<List<Arg>> commands = new ArrayList<>();
            while (true) {
                List<Arg> cmd = new ArrayList<>();
                while (true) {
                    skipSpace();
                    if (i >= s.length() || s.charAt(i) == '|' || s.charAt(i) == ')') break;
                    cmd.add(operand());
                }
                if (cmd.isEmpty())
                    throw parseError(line, commands.isEmpty() ? "missing value for command" : "missing command");
                commands.add(cmd);
                skipSpace();
                if (i < s.length() && s.charAt(i) == '|') {
                    i++;
                    continue;
                }
                break;
            }
            if (top) {
                if (i < s.length()) throw parseError(line, "unexpected \"" + s.charAt(i) + "\" in operand");
            }
            return new Pipe(vars, declare, commands);
        }

        private Arg operand() {
            Arg term = term();
            if (i < s.length() && s.charAt(i) == '.' && !(term instanceof Const) && !(term instanceof Ident)) {
                List<String> chain = new ArrayList<>();
                int start = i;
                while (i < s.length() && s.charAt(i) == '.') {
                    i++;
                    int f = i;
                    while (i < s.length() && isIdentChar(s.charAt(i))) i++;
                    if (f == i) throw parseError(line, "bad character after '.'");
                    chain.add(s.substring(f, i));
                }
                return new Field(term, chain, s.substring(start, i));
            }
            return term;
        }

        private Arg term() {
            char c = s.charAt(i);
            if (c == '.') {
                if (i + 1 < s.length() && isIdentChar(s.charAt(i + 1)) && !Character.isDigit(s.charAt(i + 1))) {
                    return new Dot(); // the field chain that follows is read by operand()
                }
                if (i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) return number();
                i++;
                return new Dot();
            }
            if (c == '$') {
                int start = i++;
                while (i < s.length() && isIdentChar(s.charAt(i))) i++;
                return new Var(s.substring(start, i));
            }
            if (c == '"') return new Const(quoted());
            if (c == '`') {
                int end = s.indexOf('`', i + 1);
                String v = s.substring(i + 1, end);
                i = end + 1;
                return new Const(v);
            }
            if (c == '\'') throw parseError(line, "character constants are not supported");
            if (c == '(') {
                i++;
                Pipe p = pipeline(false);
                skipSpace();
                if (i >= s.length() || s.charAt(i) != ')') throw parseError(line, "unclosed left paren");
                i++;
                return new SubPipe(p);
            }
            if (Character.isDigit(c)
                    || (c == '-' || c == '+')
                            && i + 1 < s.length()
                            && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.')) {
                return number();
            }
            if (isIdentChar(c)) {
                String w = word();
                switch (w) {
                    case "true":
                        return new Const(Boolean.TRUE);
                    case "false":
                        return new Const(Boolean.FALSE);
                    case "nil":
                        return new Const(null);
                    default:
                        if (!FUNCTIONS.contains(w)) {
                            if (KNOWN_UNSUPPORTED.contains(w)) {
                                throw new TemplateException(
                                        "template: template:" + line + ": function \"" + w + "\" is not supported");
                            }
                            throw parseError(line, "function \"" + w + "\" not defined");
                        }
                        return new Ident(w);
                }
            }
            throw parseError(line, "unexpected \"" + c + "\" in operand");
        }

        private Const number() {
            int start = i;
            if (s.charAt(i) == '-' || s.charAt(i) == '+') i++;
            while (i < s.length()
                    && (Character.isLetterOrDigit(s.charAt(i))
                            || s.charAt(i) == '.'
                            || s.charAt(i) == '_'
                            || (s.charAt(i) == '-' || s.charAt(i) == '+')
                                    && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E'))) {
                i++;
            }
            String text = s.substring(start, i).replace("_", "");
            try {
                if (text.matches("[-+]?[0-9]+")) return new Const(Long.parseLong(text));
                if (text.matches("[-+]?0[xX][0-9a-fA-F]+")) {
                    boolean neg = text.startsWith("-");
                    long v = Long.parseLong(text.replaceFirst("^[-+]?0[xX]", ""), 16);
                    return new Const(neg ? -v : v);
                }
                return new Const(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                throw parseError(line, "bad number syntax: \"" + s.substring(start, i) + "\"");
            }
        }

        private String quoted() {
            StringBuilder out = new StringBuilder();
            i++;
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '\\' -> out.append('\\');
                    case '"' -> out.append('"');
                    case '\'' -> out.append('\'');
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'v' -> out.append('\u000b');
                    case 'x' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
                        i += 2;
                    }
                    case 'u' -> {
                        out.appendCodePoint(Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    case 'U' -> {
                        out.appendCodePoint(Integer.parseInt(s.substring(i, i + 8), 16));
                        i += 8;
                    }
                    default -> throw parseError(line, "invalid syntax");
                }
            }
            i++;
            return out.toString();
        }
    }

    private static final Set<String> FUNCTIONS =
            Set.of("and", "or", "not", "len", "index", "eq", "ne", "lt", "le", "gt", "ge", "print", "println");

    // ---- execution --------------------------------------------------------------------------------

    /** Variables in scope: a chain of frames, innermost first. */
    private static final class Scope {
        final Scope parent;
        final Map<String, Object> vars = new HashMap<>();

        Scope(Scope parent) {
            this.parent = parent;
        }

        Object get(String name, int line) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.vars.containsKey(name)) return s.vars.get(name);
            }
            throw parseError(line, "undefined variable \"" + name + "\"");
        }

        void set(String name, Object value, int line) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.vars.containsKey(name)) {
                    s.vars.put(name, value);
                    return;
                }
            }
            throw parseError(line, "undefined variable \"" + name + "\"");
        }
    }

    private static final class BreakSignal extends RuntimeException {
        BreakSignal() {
            super(null, null, false, false);
        }
    }

    private static final class ContinueSignal extends RuntimeException {
        ContinueSignal() {
            super(null, null, false, false);
        }
    }

    private static final class Exec {
        private final StringBuilder out;
        private final Object root;
        private int line;
        private long steps;

        Exec(StringBuilder out, Object root) {
            this.out = out;
            this.root = root;
        }

        /** Counts one executed node or loop pass against the guards. */
        private void step() {
            if (out.length() > MAX_OUTPUT) {
                throw new TemplateException(
                        "template: template:" + line + ": output exceeds " + MAX_OUTPUT + " characters");
            }
            if (++steps > MAX_STEPS) {
                throw new TemplateException(
                        "template: template:" + line + ": execution exceeds " + MAX_STEPS + " steps");
            }
        }

        void walk(List<Node> nodes, Object dot, Scope scope) {
            for (Node n : nodes) {
                step();
                if (n instanceof Text t) {
                    out.append(t.text);
                } else if (n instanceof Action a) {
                    line = a.line;
                    Object v = pipe(a.pipe, dot, scope);
                    if (a.pipe.vars.isEmpty()) out.append(print(v, true));
                } else if (n instanceof If f) {
                    line = f.line;
                    Scope inner = new Scope(scope);
                    Object v = pipe(f.pipe, dot, inner);
                    if (truth(v)) walk(f.then, f.with ? v : dot, inner);
                    else walk(f.otherwise, dot, inner);
                } else if (n instanceof Range r) {
                    range(r, dot, scope);
                } else if (n instanceof Break) {
                    throw new BreakSignal();
                } else if (n instanceof Continue) {
                    throw new ContinueSignal();
                }
            }
        }

        private void range(Range r, Object dot, Scope scope) {
            line = r.line;
            Scope outer = new Scope(scope);
            Pipe p = r.pipe;
            Object v = pipe(new Pipe(List.of(), false, p.commands), dot, outer);
            List<Object[]> pairs = new ArrayList<>();
            if (v instanceof List<?> list) {
                for (int k = 0; k < list.size(); k++) pairs.add(new Object[] {(long) k, list.get(k)});
            } else if (v instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) pairs.add(new Object[] {e.getKey(), e.getValue()});
            } else if (v instanceof Long n) {
                if (p.vars.size() > 1) throw execError("can't use " + n + " to iterate over more than one variable");
                if (n <= 0) {
                    walk(r.otherwise, dot, outer);
                    return;
                }
                for (long k = 0; k < n; k++) {
                    if (!iteration(r, k, k, outer)) break;
                }
                return;
            } else if (v != null && v != MISSING) {
                throw execError("range can't iterate over " + print(v, false));
            }
            if (pairs.isEmpty()) {
                walk(r.otherwise, dot, outer);
                return;
            }
            for (Object[] kv : pairs) {
                if (!iteration(r, kv[0], kv[1], outer)) break;
            }
        }

        /** One pass of a range body; false after {@code {{break}}}. */
        private boolean iteration(Range r, Object key, Object elem, Scope outer) {
            step();
            List<String> vars = r.pipe.vars;
            Scope iter = new Scope(outer);
            if (vars.size() == 1) iter.vars.put(vars.get(0), elem);
            if (vars.size() == 2) {
                iter.vars.put(vars.get(0), key);
                iter.vars.put(vars.get(1), elem);
            }
            try {
                walk(r.body, elem, iter);
            } catch (BreakSignal b) {
                return false;
            } catch (ContinueSignal c) {
                // next element
            }
            return true;
        }

        private Object pipe(Pipe p, Object dot, Scope scope) {
            Object value = MISSING;
            boolean first = true;
            for (List<Arg> cmd : p.commands) {
                value = command(cmd, dot, scope, first ? MISSING : value, !first);
                first = false;
            }
            for (String name : p.vars) {
                if (p.declare) scope.vars.put(name, value);
                else scope.set(name, value, line);
            }
            return value;
        }

        private Object command(List<Arg> cmd, Object dot, Scope scope, Object piped, boolean hasPiped) {
            Arg head = cmd.get(0);
            if (head instanceof Ident fn) {
                List<Object> args = new ArrayList<>();
                List<Arg> rest = cmd.subList(1, cmd.size());
                if (fn.name.equals("and") || fn.name.equals("or")) {
                    return andOr(fn.name, rest, dot, scope, piped, hasPiped);
                }
                for (Arg a : rest) args.add(arg(a, dot, scope));
                if (hasPiped) args.add(piped);
                return call(fn.name, args);
            }
            if (head instanceof Const c && c.value == null) throw execError("nil is not a command");
            if (cmd.size() > 1 || hasPiped) {
                if (head instanceof Field) throw execError("field access with arguments is not supported");
                throw execError("can't give argument to non-function " + describe(head));
            }
            return arg(head, dot, scope);
        }

        private Object andOr(String name, List<Arg> args, Object dot, Scope scope, Object piped, boolean hasPiped) {
            int total = args.size() + (hasPiped ? 1 : 0);
            if (total < 1) throw execError("wrong number of args for " + name + ": want at least 1 got 0");
            Object v = MISSING;
            for (int k = 0; k < total; k++) {
                v = k < args.size() ? arg(args.get(k), dot, scope) : piped;
                boolean t = truth(v);
                if (name.equals("and") ? !t : t) return v;
            }
            return v;
        }

        private Object arg(Arg a, Object dot, Scope scope) {
            if (a instanceof Dot) return dot;
            if (a instanceof Var v) return v.name.equals("$") ? root : scope.get(v.name, line);
            if (a instanceof Const c) return c.value;
            if (a instanceof SubPipe sp) return pipe(sp.pipe, dot, new Scope(scope));
            if (a instanceof Ident id) return call(id.name, List.of());
            Field f = (Field) a;
            Object receiver = f.receiver instanceof Dot ? dot : arg(f.receiver, dot, scope);
            for (String name : f.chain) receiver = field(receiver, name);
            return receiver;
        }

        private Object field(Object receiver, String name) {
            if (receiver == MISSING) return MISSING;
            if (receiver instanceof Map<?, ?> m) {
                return m.containsKey(name) ? m.get(name) : MISSING;
            }
            if (receiver == null) throw execError("nil pointer evaluating interface {}." + name);
            throw execError("can't evaluate field " + name + " in type " + goType(receiver));
        }

        private Object call(String fn, List<Object> args) {
            switch (fn) {
                case "not" -> {
                    want(fn, args, 1);
                    return !truth(args.get(0));
                }
                case "len" -> {
                    want(fn, args, 1);
                    Object v = args.get(0);
                    if (v instanceof String s) return (long) s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                    if (v instanceof List<?> l) return (long) l.size();
                    if (v instanceof Map<?, ?> m) return (long) m.size();
                    throw execError("error calling len: len of "
                            + (v == null || v == MISSING ? "nil pointer" : "type " + goType(v)));
                }
                case "index" -> {
                    if (args.isEmpty()) throw execError("wrong number of args for index: want at least 1 got 0");
                    Object v = args.get(0);
                    for (Object key : args.subList(1, args.size())) v = index(v, key);
                    return v;
                }
                case "eq" -> {
                    if (args.size() < 2)
                        throw execError("wrong number of args for eq: want at least 2 got " + args.size());
                    for (Object other : args.subList(1, args.size())) {
                        if (compare("eq", args.get(0), other, true) == 0) return true;
                    }
                    return false;
                }
                case "ne" -> {
                    want(fn, args, 2);
                    return compare(fn, args.get(0), args.get(1), true) != 0;
                }
                case "lt" -> {
                    want(fn, args, 2);
                    return compare(fn, args.get(0), args.get(1), false) < 0;
                }
                case "le" -> {
                    want(fn, args, 2);
                    return compare(fn, args.get(0), args.get(1), false) <= 0;
                }
                case "gt" -> {
                    want(fn, args, 2);
                    return compare(fn, args.get(0), args.get(1), false) > 0;
                }
                case "ge" -> {
                    want(fn, args, 2);
                    return compare(fn, args.get(0), args.get(1), false) >= 0;
                }
                case "print", "println" -> {
                    StringBuilder b = new StringBuilder();
                    for (int k = 0; k < args.size(); k++) {
                        Object v = args.get(k);
                        // Sprint adds spaces between operands when neither is a string; Sprintln always does.
                        if (k > 0
                                && (fn.equals("println")
                                        || !(v instanceof String) && !(args.get(k - 1) instanceof String))) {
                            b.append(' ');
                        }
                        b.append(v == MISSING ? "<nil>" : print(v, false));
                    }
                    if (fn.equals("println")) b.append('\n');
                    return b.toString();
                }
                default -> throw execError("function \"" + fn + "\" not defined");
            }
        }

        private Object index(Object v, Object key) {
            if (v instanceof List<?> l) {
                if (!(key instanceof Long k))
                    throw execError("error calling index: cannot index slice/array with type " + goType(key));
                if (k < 0 || k >= l.size()) throw execError("error calling index: index out of range: " + k);
                return l.get((int) (long) k);
            }
            if (v instanceof Map<?, ?> m) {
                if (!(key instanceof String k))
                    throw execError("error calling index: value has type " + goType(key) + "; should be string");
                return m.containsKey(k) ? m.get(k) : null;
            }
            if (v instanceof String s) {
                if (!(key instanceof Long k))
                    throw execError("error calling index: cannot index slice/array with type " + goType(key));
                byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (k < 0 || k >= bytes.length) throw execError("error calling index: index out of range: " + k);
                return (long) (bytes[(int) (long) k] & 0xff);
            }
            if (v == null || v == MISSING) throw execError("error calling index: index of untyped nil");
            throw execError("error calling index: can't index item of type " + goType(v));
        }

        /** Go's basic comparison: same basic kind (bool, integer, float, string) or an error. */
        private int compare(String fn, Object a, Object b, boolean equality) {
            if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
            if (a instanceof Double x && b instanceof Double y) return Double.compare(x, y);
            if (a instanceof String x && b instanceof String y) return x.compareTo(y);
            if (a instanceof Boolean x && b instanceof Boolean y) {
                if (!equality) throw execError("error calling " + fn + ": invalid type for comparison");
                return x.equals(y) ? 0 : 1;
            }
            if (equality && (a == null || a == MISSING || b == null || b == MISSING)) {
                // Go compares nil with anything without an error: equal only to nil.
                return (a == null || a == MISSING) && (b == null || b == MISSING) ? 0 : 1;
            }
            if (!isBasic(a) || !isBasic(b)) {
                throw execError("error calling " + fn + ": "
                        + (equality ? "incompatible types for comparison" : "invalid type for comparison"));
            }
            throw execError("error calling " + fn + ": incompatible types for comparison");
        }

        private static boolean isBasic(Object v) {
            return v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean;
        }

        private void want(String fn, List<Object> args, int n) {
            if (args.size() != n)
                throw execError("wrong number of args for " + fn + ": want " + n + " got " + args.size());
        }

        private TemplateException execError(String why) {
            return new TemplateException("template: template:" + line + ": executing \"template\": " + why);
        }
    }

    // ---- printing -------------------------------------------------------------------------------

    /** Go's truth of a value, as {@code if}, {@code with}, {@code and}, {@code or} and {@code not} see it. */
    static boolean truth(Object v) {
        if (v == null || v == MISSING) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof List<?> l) return !l.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        if (v instanceof Long n) return n != 0;
        if (v instanceof Double d) return d != 0;
        return true;
    }

    /** {@code fmt.Sprint} of a value; at the top level nil and missing print as Go's "no value". */
    static String print(Object v, boolean top) {
        if (v == MISSING || top && v == null) return "<no value>";
        if (v == null) return "<nil>";
        if (v instanceof String s) return s;
        if (v instanceof Boolean b) return b.toString();
        if (v instanceof Long n) return n.toString();
        if (v instanceof Double d) return GoFormat.sprintf("%v", List.<Object>of(d));
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>(l.size());
            for (Object e : l) parts.add(print(e, false));
            return "[" + String.join(" ", parts) + "]";
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) parts.add(e.getKey() + ":" + print(e.getValue(), false));
            return "map[" + String.join(" ", parts) + "]";
        }
        return String.valueOf(v);
    }

    private static String goType(Object v) {
        if (v instanceof String) return "string";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Long) return "int";
        if (v instanceof Double) return "float64";
        if (v instanceof List<?>) return "[]interface {}";
        if (v instanceof Map<?, ?>) return "map[string]interface {}";
        return "interface {}";
    }

    private static String describe(Arg a) {
        if (a instanceof Const c) return c.value == null ? "nil" : print(c.value, false);
        if (a instanceof Var v) return v.name;
        if (a instanceof Dot) return "dot";
        return "operand";
    }

    private static TemplateException parseError(int line, String why) {
        return new TemplateException("template: template:" + line + ": " + why);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isIdentChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) if (s.charAt(k) == c) n++;
        return n;
    }

    private static String stripLeading(String s) {
        int k = 0;
        while (k < s.length() && isSpace(s.charAt(k))) k++;
        return s.substring(k);
    }

    private static String stripTrailing(String s) {
        int k = s.length();
        while (k > 0 && isSpace(s.charAt(k - 1))) k--;
        return s.substring(0, k);
    }
}
