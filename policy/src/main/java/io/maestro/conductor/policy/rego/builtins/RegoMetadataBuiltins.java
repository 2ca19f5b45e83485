package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ANY;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import java.util.List;

/**
 * {@code rego.metadata.chain()} and {@code rego.metadata.rule()}. The compiler replaces every call inside a
 * rule by the rule's annotations, so a call that reaches evaluation was made from a query, outside any rule:
 * an error, as in OPA.
 */
final class RegoMetadataBuiltins implements BuiltinGroup {
    @Override
    public List<BuiltinSpec> specs() {
        return List.of(outsideRule("rego.metadata.chain"), outsideRule("rego.metadata.rule"));
    }

    private static BuiltinSpec outsideRule(String name) {
        return spec(name, ANY, (ctx, a) -> {
            throw BuiltinException.failed(
                    name, "the " + name + " function must only be called within the scope of a rule");
        });
    }
}
