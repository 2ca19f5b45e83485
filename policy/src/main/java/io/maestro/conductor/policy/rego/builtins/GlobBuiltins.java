package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ARR_NULL;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import com.google.re2j.Pattern;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.List;

/**
 * {@code glob.match} and {@code glob.quote_meta} with the syntax OPA's glob library reads: {@code *}
 * (any run without a delimiter), {@code **} (any run), {@code ?}, {@code [abc]}, {@code [!a-z]},
 * {@code {a,b}} alternatives and {@code \} escapes. Delimiters default to {@code "."}; null means none.
 */
final class GlobBuiltins implements BuiltinGroup {
    private static final String SPECIAL = "*?\\[]{}";

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec("glob.match", BOOL, GlobBuiltins::match, STR, ARR_NULL, STR),
                spec(
                        "glob.quote_meta",
                        STR,
                        (ctx, a) -> {
                            String s = Operands.string("glob.quote_meta", a, 1);
                            StringBuilder out = new StringBuilder();
                            for (char c : s.toCharArray()) {
                                if (SPECIAL.indexOf(c) >= 0) out.append('\\');
                                out.append(c);
                            }
                            return StringValue.of(out.toString());
                        },
                        STR));
    }

    private static Value match(BuiltinContext ctx, List<Value> a) {
        String pattern = Operands.string("glob.match", a, 1);
        String delimiters;
        Value d = a.get(1);
        if (d instanceof NullValue) {
            delimiters = "";
        } else if (d instanceof ArrayValue arr) {
            StringBuilder runes = new StringBuilder();
            for (Value e : arr.elements()) {
                if (!(e instanceof StringValue r)) throw Operands.elementError("glob.match", 2, arr, e, "string");
                if (r.value().codePointCount(0, r.value().length()) != 1)
                    throw Operands.elementError("glob.match", 2, arr, e, "rune");
                runes.append(r.value());
            }
            delimiters = runes.length() == 0 ? "." : runes.toString();
        } else {
            throw Operands.typeError("glob.match", 2, d, "array", "null");
        }
        String subject = Operands.string("glob.match", a, 3);
        Pattern compiled = GoRegex.compile("glob.match", toRegex(pattern, delimiters));
        return BooleanValue.of(compiled.matches(subject));
    }

    /** Translates a glob to an anchored RE2 pattern; a malformed glob is a builtin error. */
    static String toRegex(String glob, String delimiters) {
        String notDelimiter = delimiters.isEmpty() ? "(?s:.)" : "[^" + classEscape(delimiters) + "]";
        StringBuilder out = new StringBuilder("^(?:");
        int depth = 0;
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        out.append("(?s:.)*");
                        i += 2;
                        continue;
                    }
                    out.append(notDelimiter).append('*');
                }
                case '?' -> out.append(notDelimiter);
                case '\\' -> {
                    if (i + 1 >= glob.length())
                        throw BuiltinException.failed("glob.match", "unexpected end of input after escape");
                    out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                }
                case '[' -> {
                    int close = glob.indexOf(']', i + 1);
                    if (close < 0)
                        throw BuiltinException.failed("glob.match", "unexpected end of input: unclosed range");
                    String body = glob.substring(i + 1, close);
                    boolean negate = body.startsWith("!");
                    if (negate) body = body.substring(1);
                    out.append('[')
                            .append(negate ? "^" : "")
                            .append(rangeBody(body))
                            .append(']');
                    i = close;
                }
                case '{' -> {
                    depth++;
                    out.append("(?:");
                }
                case '}' -> {
                    if (depth == 0) throw BuiltinException.failed("glob.match", "unexpected '}'");
                    depth--;
                    out.append(')');
                }
                case ',' -> out.append(depth > 0 ? "|" : ",");
                default -> out.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        if (depth != 0) throw BuiltinException.failed("glob.match", "unexpected end of input: unclosed alternatives");
        return out.append(")$").toString();
    }

    private static String rangeBody(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '-' && i > 0 && i < body.length() - 1) out.append('-');
            else out.append(classEscape(String.valueOf(c)));
        }
        return out.toString();
    }

    private static String classEscape(String chars) {
        StringBuilder out = new StringBuilder();
        for (char c : chars.toCharArray()) {
            if ("\\]^-[".indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}
