package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ARR;
import static io.maestro.conductor.policy.rego.builtins.Specs.ARR_SET;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.NUM;
import static io.maestro.conductor.policy.rego.builtins.Specs.OBJ;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR_ARR_SET;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/** String builtins. Indexes and lengths count Unicode code points, as OPA counts Go runes. */
final class StringBuiltins implements BuiltinGroup {

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec("concat", STR, StringBuiltins::concat, STR, ARR_SET),
                predicate("contains", String::contains),
                predicate("startswith", String::startsWith),
                predicate("endswith", String::endsWith),
                unary("lower", s -> s.toLowerCase(Locale.ROOT)),
                unary("upper", s -> s.toUpperCase(Locale.ROOT)),
                unary("trim_space", StringBuiltins::trimSpace),
                unary("strings.reverse", s -> new StringBuilder(s).reverse().toString()),
                spec(
                        "replace",
                        STR,
                        (ctx, a) -> StringValue.of(replaceAll(
                                Operands.string("replace", a, 1),
                                Operands.string("replace", a, 2),
                                Operands.string("replace", a, 3))),
                        STR,
                        STR,
                        STR),
                spec(
                        "split",
                        ARR,
                        (ctx, a) -> strings(split(Operands.string("split", a, 1), Operands.string("split", a, 2))),
                        STR,
                        STR),
                spec("strings.split_n", ARR, StringBuiltins::splitN, STR, STR, NUM),
                spec("substring", STR, StringBuiltins::substring, STR, NUM, NUM),
                spec("trim", STR, (ctx, a) -> cutset("trim", a, true, true), STR, STR),
                spec("trim_left", STR, (ctx, a) -> cutset("trim_left", a, true, false), STR, STR),
                spec("trim_right", STR, (ctx, a) -> cutset("trim_right", a, false, true), STR, STR),
                spec(
                        "trim_prefix",
                        STR,
                        (ctx, a) -> {
                            String s = Operands.string("trim_prefix", a, 1);
                            String p = Operands.string("trim_prefix", a, 2);
                            return StringValue.of(s.startsWith(p) ? s.substring(p.length()) : s);
                        },
                        STR,
                        STR),
                spec(
                        "trim_suffix",
                        STR,
                        (ctx, a) -> {
                            String s = Operands.string("trim_suffix", a, 1);
                            String p = Operands.string("trim_suffix", a, 2);
                            return StringValue.of(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s);
                        },
                        STR,
                        STR),
                spec("indexof", NUM, StringBuiltins::indexOf, STR, STR),
                spec("indexof_n", ARR, StringBuiltins::indexOfN, STR, STR),
                spec("strings.count", NUM, StringBuiltins::count, STR, STR),
                spec("strings.replace_n", STR, StringBuiltins::replaceN, OBJ, STR),
                spec(
                        "strings.any_prefix_match",
                        BOOL,
                        (ctx, a) -> anyMatch("strings.any_prefix_match", a, String::startsWith),
                        STR_ARR_SET,
                        STR_ARR_SET),
                spec(
                        "strings.any_suffix_match",
                        BOOL,
                        (ctx, a) -> anyMatch("strings.any_suffix_match", a, String::endsWith),
                        STR_ARR_SET,
                        STR_ARR_SET));
    }

    private static BuiltinSpec predicate(String name, BiPredicate<String, String> test) {
        return spec(
                name,
                BOOL,
                (ctx, a) -> BooleanValue.of(test.test(Operands.string(name, a, 1), Operands.string(name, a, 2))),
                STR,
                STR);
    }

    private static BuiltinSpec unary(String name, UnaryOperator<String> f) {
        return spec(name, STR, (ctx, a) -> StringValue.of(f.apply(Operands.string(name, a, 1))), STR);
    }

    private static Value concat(BuiltinContext ctx, List<Value> a) {
        String delimiter = Operands.string("concat", a, 1);
        List<String> parts = Operands.strings("concat", 2, a.get(1), Operands.arrayOrSet("concat", a, 2));
        return StringValue.of(String.join(delimiter, parts));
    }

    /** Go's strings.ReplaceAll: an empty {@code old} inserts {@code replacement} around every rune. */
    static String replaceAll(String s, String old, String replacement) {
        if (!old.isEmpty()) return s.replace(old, replacement);
        StringBuilder out = new StringBuilder(replacement);
        s.codePoints().forEach(cp -> out.appendCodePoint(cp).append(replacement));
        return out.toString();
    }

    /** Go's strings.Split: an empty delimiter splits between runes. */
    private static List<String> split(String s, String delimiter) {
        List<String> parts = new ArrayList<>();
        if (delimiter.isEmpty()) {
            s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
            return parts;
        }
        int from = 0;
        int at;
        while ((at = s.indexOf(delimiter, from)) >= 0) {
            parts.add(s.substring(from, at));
            from = at + delimiter.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** The first {@code n} parts of the split, or the last {@code -n}; more than there are gives all of them. */
    private static Value splitN(BuiltinContext ctx, List<Value> a) {
        String s = Operands.string("strings.split_n", a, 1);
        String delimiter = Operands.string("strings.split_n", a, 2);
        BigInteger n = Operands.integer("strings.split_n", a, 3);
        List<String> parts = split(s, delimiter);
        int size = parts.size();
        if (n.signum() >= 0)
            return strings(parts.subList(0, n.min(BigInteger.valueOf(size)).intValue()));
        return strings(
                parts.subList(size - n.negate().min(BigInteger.valueOf(size)).intValue(), size));
    }

    private static ArrayValue strings(List<String> parts) {
        List<Value> out = new ArrayList<>(parts.size());
        parts.forEach(p -> out.add(StringValue.of(p)));
        return new ArrayValue(out);
    }

    private static Value substring(BuiltinContext ctx, List<Value> a) {
        String s = Operands.string("substring", a, 1);
        int start = Operands.smallInt("substring", a, 2);
        int length = Operands.smallInt("substring", a, 3);
        if (start < 0) throw BuiltinException.failed("substring", "negative offset");
        int[] runes = s.codePoints().toArray();
        if (start >= runes.length) return StringValue.of("");
        int end = length < 0 ? runes.length : (int) Math.min((long) start + length, runes.length);
        return StringValue.of(new String(runes, start, end - start));
    }

    private static Value cutset(String name, List<Value> a, boolean left, boolean right) {
        String s = Operands.string(name, a, 1);
        String cut = Operands.string(name, a, 2);
        int[] runes = s.codePoints().toArray();
        int from = 0;
        int to = runes.length;
        while (left && from < to && cut.indexOf(runes[from]) >= 0) from++;
        while (right && to > from && cut.indexOf(runes[to - 1]) >= 0) to--;
        return StringValue.of(new String(runes, from, to - from));
    }

    /** Go's strings.TrimSpace: Unicode white space, including non-breaking spaces. */
    static String trimSpace(String s) {
        int[] runes = s.codePoints().toArray();
        int from = 0;
        int to = runes.length;
        while (from < to && isGoSpace(runes[from])) from++;
        while (to > from && isGoSpace(runes[to - 1])) to--;
        return new String(runes, from, to - from);
    }

    private static boolean isGoSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    private static Value indexOf(BuiltinContext ctx, List<Value> a) {
        String s = Operands.string("indexof", a, 1);
        String search = Operands.string("indexof", a, 2);
        if (search.isEmpty()) throw BuiltinException.failed("indexof", "empty search character");
        int at = s.indexOf(search);
        return NumberValue.of(at < 0 ? -1 : s.codePointCount(0, at));
    }

    private static Value indexOfN(BuiltinContext ctx, List<Value> a) {
        String s = Operands.string("indexof_n", a, 1);
        String search = Operands.string("indexof_n", a, 2);
        if (search.isEmpty()) throw BuiltinException.failed("indexof_n", "empty search character");
        List<Value> found = new ArrayList<>();
        for (int at = s.indexOf(search); at >= 0; at = s.indexOf(search, at + 1)) {
            found.add(NumberValue.of(s.codePointCount(0, at)));
        }
        return new ArrayValue(found);
    }

    /** Go's strings.Count: non-overlapping; an empty substring counts rune boundaries. */
    private static Value count(BuiltinContext ctx, List<Value> a) {
        String s = Operands.string("strings.count", a, 1);
        String sub = Operands.string("strings.count", a, 2);
        if (sub.isEmpty()) return NumberValue.of(s.codePointCount(0, s.length()) + 1L);
        long n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) n++;
        return NumberValue.of(n);
    }

    /** Go's strings.NewReplacer over the object's pairs in key order: the first key matching at a position wins. */
    private static Value replaceN(BuiltinContext ctx, List<Value> a) {
        ObjectValue patterns = Operands.object("strings.replace_n", a, 1);
        String s = Operands.string("strings.replace_n", a, 2);
        List<String[]> pairs = new ArrayList<>();
        for (Map.Entry<Value, Value> e : patterns.entries().entrySet()) {
            if (!(e.getKey() instanceof StringValue k)) {
                throw Operands.invalid("strings.replace_n", 1, "non-string key found in pattern object");
            }
            if (!(e.getValue() instanceof StringValue v)) {
                throw Operands.invalid("strings.replace_n", 1, "non-string value found in pattern object");
            }
            if (!k.value().isEmpty()) pairs.add(new String[] {k.value(), v.value()});
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        outer:
        while (i < s.length()) {
            for (String[] pair : pairs) {
                if (s.startsWith(pair[0], i)) {
                    out.append(pair[1]);
                    i += pair[0].length();
                    continue outer;
                }
            }
            out.append(s.charAt(i++));
        }
        return StringValue.of(out.toString());
    }

    private static Value anyMatch(String name, List<Value> a, BiPredicate<String, String> test) {
        List<String> strings = stringOrCollection(name, a, 1);
        List<String> affixes = stringOrCollection(name, a, 2);
        for (String s : strings) {
            for (String affix : affixes) {
                if (test.test(s, affix)) return BooleanValue.TRUE;
            }
        }
        return BooleanValue.FALSE;
    }

    private static List<String> stringOrCollection(String name, List<Value> a, int pos) {
        Value v = a.get(pos - 1);
        if (v instanceof StringValue s) return List.of(s.value());
        if (v instanceof ArrayValue arr) return Operands.strings(name, pos, v, arr.elements());
        if (v instanceof SetValue set) return Operands.strings(name, pos, v, set.elements());
        throw Operands.typeError(name, pos, v, "string", "set", "array");
    }
}
