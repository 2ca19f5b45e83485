package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ANY;
import static io.maestro.conductor.policy.rego.builtins.Specs.ARR;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.NUM;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import com.google.re2j.Pattern;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/** {@code regex.match is_valid split find_n find_all_string_submatch_n replace}, in Go's RE2 dialect. */
final class RegexBuiltins implements BuiltinGroup {

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec(
                        "regex.match",
                        BOOL,
                        (ctx, a) -> BooleanValue.of(GoRegex.compile("regex.match", Operands.string("regex.match", a, 1))
                                .matcher(Operands.string("regex.match", a, 2))
                                .find()),
                        STR,
                        STR),
                spec(
                        "regex.is_valid",
                        BOOL,
                        (ctx, a) -> BooleanValue.of(a.get(0) instanceof StringValue s && GoRegex.isValid(s.value())),
                        ANY),
                spec("regex.split", ARR, RegexBuiltins::split, STR, STR),
                spec(
                        "regex.find_n",
                        ARR,
                        (ctx, a) -> {
                            Pattern p = GoRegex.compile("regex.find_n", Operands.string("regex.find_n", a, 1));
                            String s = Operands.string("regex.find_n", a, 2);
                            List<Value> out = new ArrayList<>();
                            for (int[] m : GoRegex.findAll(p, s, Operands.smallInt("regex.find_n", a, 3))) {
                                out.add(StringValue.of(s.substring(m[0], m[1])));
                            }
                            return new ArrayValue(out);
                        },
                        STR,
                        STR,
                        NUM),
                spec(
                        "regex.find_all_string_submatch_n",
                        ARR,
                        (ctx, a) -> {
                            String name = "regex.find_all_string_submatch_n";
                            Pattern p = GoRegex.compile(name, Operands.string(name, a, 1));
                            String s = Operands.string(name, a, 2);
                            List<Value> out = new ArrayList<>();
                            for (int[] m : GoRegex.findAll(p, s, Operands.smallInt(name, a, 3))) {
                                List<Value> groups = new ArrayList<>(m.length / 2);
                                for (int g = 0; g < m.length; g += 2) {
                                    groups.add(StringValue.of(m[g] < 0 ? "" : s.substring(m[g], m[g + 1])));
                                }
                                out.add(new ArrayValue(groups));
                            }
                            return new ArrayValue(out);
                        },
                        STR,
                        STR,
                        NUM),
                spec("regex.replace", STR, RegexBuiltins::replace, STR, STR, STR));
    }

    /** Go's Regexp.Split(s, -1). */
    private static Value split(BuiltinContext ctx, List<Value> a) {
        Pattern p = GoRegex.compile("regex.split", Operands.string("regex.split", a, 1));
        String s = Operands.string("regex.split", a, 2);
        List<Value> out = new ArrayList<>();
        if (!p.pattern().isEmpty() && s.isEmpty()) return new ArrayValue(List.of(StringValue.of("")));
        int beg = 0;
        int end = 0;
        for (int[] m : GoRegex.findAll(p, s, -1)) {
            end = m[0];
            if (m[1] != 0) out.add(StringValue.of(s.substring(beg, end)));
            beg = m[1];
        }
        if (end != s.length()) out.add(StringValue.of(s.substring(beg)));
        return new ArrayValue(out);
    }

    /** Go's ReplaceAllString: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}} expand; {@code $$} is a dollar. */
    private static Value replace(BuiltinContext ctx, List<Value> a) {
        String s = Operands.string("regex.replace", a, 1);
        Pattern p = GoRegex.compile("regex.replace", Operands.string("regex.replace", a, 2));
        String template = Operands.string("regex.replace", a, 3);
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (int[] m : GoRegex.findAll(p, s, -1)) {
            out.append(s, last, m[0]);
            expand(out, template, s, m, p);
            last = m[1];
        }
        return StringValue.of(out.append(s.substring(last)).toString());
    }

    private static void expand(StringBuilder out, String template, String s, int[] m, Pattern p) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String group;
            int next;
            if (template.charAt(i + 1) == '{') {
                int close = template.indexOf('}', i + 2);
                group = close < 0 ? null : template.substring(i + 2, close);
                next = close + 1;
            } else {
                int j = i + 1;
                while (j < template.length()
                        && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '_')) j++;
                group = j == i + 1 ? null : template.substring(i + 1, j);
                next = j;
            }
            if (group == null || group.isEmpty() || !group.matches("\\w+")) {
                out.append('$');
                i++;
                continue;
            }
            int index = groupIndex(group, p);
            if (index >= 0 && index < m.length / 2 && m[2 * index] >= 0) out.append(s, m[2 * index], m[2 * index + 1]);
            i = next;
        }
    }

    private static int groupIndex(String group, Pattern p) {
        if (group.chars().allMatch(Character::isDigit)) {
            return group.length() > 9 ? -1 : Integer.parseInt(group);
        }
        Integer named = p.namedGroups().get(group);
        return named == null ? -1 : named;
    }
}
