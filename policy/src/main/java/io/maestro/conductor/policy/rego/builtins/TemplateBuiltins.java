package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.OBJ;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import com.google.re2j.Pattern;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code regex.globs_match}, {@code regex.template_match} and {@code strings.render_template}, as OPA
 * defines them: glob intersection ({@link GlobsIntersection}), a template whose delimited parts are
 * regular expressions, and Go {@code text/template} rendering ({@link GoTemplate}).
 */
final class TemplateBuiltins implements BuiltinGroup {

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec("regex.globs_match", BOOL, TemplateBuiltins::globsMatch, STR, STR),
                spec("regex.template_match", BOOL, TemplateBuiltins::templateMatch, STR, STR, STR, STR),
                spec("strings.render_template", STR, TemplateBuiltins::renderTemplate, STR, OBJ));
    }

    private static Value globsMatch(BuiltinContext ctx, List<Value> a) {
        String name = "regex.globs_match";
        String g1 = Operands.string(name, a, 1);
        String g2 = Operands.string(name, a, 2);
        try {
            return BooleanValue.of(GlobsIntersection.nonEmpty(g1, g2));
        } catch (GlobsIntersection.InvalidGlob e) {
            throw BuiltinException.failed(name, e.getMessage());
        }
    }

    /**
     * The template's first-level parts between the delimiters are regular expressions, the rest is
     * literal; the value must match all of it. Delimiters are single bytes and must balance.
     */
    private static Value templateMatch(BuiltinContext ctx, List<Value> a) {
        String name = "regex.template_match";
        String template = Operands.string(name, a, 1);
        String value = Operands.string(name, a, 2);
        String start = Operands.string(name, a, 3);
        String end = Operands.string(name, a, 4);
        int startLen = start.getBytes(StandardCharsets.UTF_8).length;
        int endLen = end.getBytes(StandardCharsets.UTF_8).length;
        if (startLen != 1) {
            throw BuiltinException.failed(
                    name, "start delimiter has to be exactly one character long but is " + startLen + " long");
        }
        if (endLen != 1) {
            throw BuiltinException.failed(
                    name, "end delimiter has to be exactly one character long but is " + endLen + " long");
        }
        Pattern p = GoRegex.compile(name, templateRegex(name, template, start.charAt(0), end.charAt(0)));
        return BooleanValue.of(p.matcher(value).find());
    }

    /** {@code ^literal(regex)literal...$}; each embedded regex must also compile on its own. */
    static String templateRegex(String name, String template, char open, char close) {
        StringBuilder out = new StringBuilder("^");
        int level = 0;
        int partStart = 0;
        int literalStart = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            // The start delimiter is checked first, as OPA does, so equal delimiters never close a part.
            if (c == open) {
                if (++level == 1) partStart = i;
            } else if (c == close) {
                level--;
                if (level == 0) {
                    String regex = template.substring(partStart + 1, i);
                    GoRegex.compile(name, "^" + regex + "$");
                    out.append(Pattern.quote(template.substring(literalStart, partStart)))
                            .append('(')
                            .append(regex)
                            .append(')');
                    literalStart = i + 1;
                } else if (level < 0) {
                    throw BuiltinException.failed(name, "unbalanced braces in " + StringValue.of(template));
                }
            }
        }
        if (level != 0) throw BuiltinException.failed(name, "unbalanced braces in " + StringValue.of(template));
        return out.append(Pattern.quote(template.substring(literalStart)))
                .append('$')
                .toString();
    }

    private static Value renderTemplate(BuiltinContext ctx, List<Value> a) {
        String name = "strings.render_template";
        String template = Operands.string(name, a, 1);
        try {
            String rendered = GoTemplate.render(template, Operands.object(name, a, 2));
            // OPA renders with Go's default missing-key behaviour and shows "no value" as Rego's undefined.
            return StringValue.of(rendered.replace("<no value>", "<undefined>"));
        } catch (GoTemplate.TemplateException e) {
            throw BuiltinException.failed(name, e.getMessage());
        }
    }
}
