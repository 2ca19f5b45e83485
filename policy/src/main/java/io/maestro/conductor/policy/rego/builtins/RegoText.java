package io.maestro.conductor.policy.rego.builtins;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.Iterator;
import java.util.Map;

/**
 * A value in Rego syntax, as OPA prints terms in {@code sprintf} and {@code print}:
 * {@code [1, 2]}, {@code {"a": 1}}, {@code {1, 2}}, {@code set()}; strings quoted as Go's
 * {@code strconv.Quote} does.
 */
public final class RegoText {
    private RegoText() {}

    public static String of(Value value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Value value) {
        if (value instanceof StringValue s) {
            out.append(quote(s.value()));
        } else if (value instanceof ArrayValue a) {
            out.append('[');
            joinInto(out, a.elements().iterator());
            out.append(']');
        } else if (value instanceof SetValue s) {
            if (s.size() == 0) {
                out.append("set()");
                return;
            }
            out.append('{');
            joinInto(out, s.elements().iterator());
            out.append('}');
        } else if (value instanceof ObjectValue o) {
            out.append('{');
            String sep = "";
            for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
                out.append(sep);
                append(out, e.getKey());
                out.append(": ");
                append(out, e.getValue());
                sep = ", ";
            }
            out.append('}');
        } else {
            out.append(value);
        }
    }

    private static void joinInto(StringBuilder out, Iterator<Value> values) {
        String sep = "";
        while (values.hasNext()) {
            out.append(sep);
            append(out, values.next());
            sep = ", ";
        }
    }

    /** Go's {@code strconv.Quote}: printable runes kept, the rest escaped. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                default -> {
                    if (isPrintable(cp)) {
                        out.appendCodePoint(cp);
                    } else if (cp < 0x80) {
                        out.append(String.format("\\x%02x", cp));
                    } else if (cp < 0x10000) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.append(String.format("\\U%08x", cp));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrintable(int cp) {
        if (cp == ' ') return true;
        switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.UNASSIGNED,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> {
                return false;
            }
            default -> {
                return true;
            }
        }
    }
}
