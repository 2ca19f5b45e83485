package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ANY;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.NUM;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code semver.compare} and {@code semver.is_valid}, by the Semantic Versioning 2.0.0 rules. */
final class SemverBuiltins implements BuiltinGroup {
    private static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec(
                        "semver.is_valid",
                        BOOL,
                        (ctx, a) -> BooleanValue.of(a.get(0) instanceof StringValue s
                                && SEMVER.matcher(s.value()).matches()),
                        ANY),
                spec(
                        "semver.compare",
                        NUM,
                        (ctx, a) -> {
                            Matcher x = version(Operands.string("semver.compare", a, 1), 1);
                            Matcher y = version(Operands.string("semver.compare", a, 2), 2);
                            return NumberValue.of(Integer.signum(compare(x, y)));
                        },
                        STR,
                        STR));
    }

    private static Matcher version(String text, int pos) {
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            throw BuiltinException.failed(
                    "semver.compare", "operand " + pos + ": string " + RegoText.quote(text) + " is not a valid SemVer");
        }
        return m;
    }

    /** Major, minor, patch numerically; a pre-release sorts before the release; build metadata is ignored. */
    static int compare(Matcher x, Matcher y) {
        for (int g = 1; g <= 3; g++) {
            int c = new BigInteger(x.group(g)).compareTo(new BigInteger(y.group(g)));
            if (c != 0) return c;
        }
        String px = x.group(4);
        String py = y.group(4);
        if (px == null || py == null) return px == null ? (py == null ? 0 : 1) : -1;
        String[] a = px.split("\\.");
        String[] b = py.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean na = a[i].matches("\\d+");
            boolean nb = b[i].matches("\\d+");
            int c;
            if (na && nb) c = new BigInteger(a[i]).compareTo(new BigInteger(b[i]));
            else if (na || nb) c = na ? -1 : 1;
            else c = a[i].compareTo(b[i]);
            if (c != 0) return c;
        }
        return Integer.compare(a.length, b.length);
    }
}
