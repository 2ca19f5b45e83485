package io.maestro.conductor.policy.rego.builtins;

import java.util.List;

/** The builtins every engine has: one entry per group class in this package. */
public final class StandardBuiltins {
    private static final Builtins TABLE = Builtins.of(List.of(
            new ArithmeticBuiltins(),
            new BitsBuiltins(),
            new ComparisonBuiltins(),
            new AggregateBuiltins(),
            new ArrayBuiltins(),
            new SetBuiltins(),
            new ObjectBuiltins(),
            new JsonBuiltins(),
            new JsonSchemaBuiltins(),
            new YamlBuiltins(),
            new StringBuiltins(),
            new FormatBuiltins(),
            new RegexBuiltins(),
            new GlobBuiltins(),
            new TemplateBuiltins(),
            new TypeBuiltins(),
            new EncodingBuiltins(),
            new CryptoBuiltins(),
            new X509Builtins(),
            new PrivateKeyBuiltins(),
            new TimeBuiltins(),
            new NetBuiltins(),
            new SemverBuiltins(),
            new UnitsBuiltins(),
            new RandomBuiltins(),
            new UuidBuiltins(),
            new JwtBuiltins(),
            new GraphBuiltins(),
            new HttpBuiltins(),
            new RegoMetadataBuiltins()));

    private StandardBuiltins() {}

    public static Builtins table() {
        return TABLE;
    }
}
