package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.OBJ;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import java.util.List;

/**
 * {@code http.send} is declared so that policies and their tests compile and can mock it
 * ({@code with http.send as mock}), as OPA's own test cases do; a real call is refused: a
 * decision must not depend on, or be able to reach, the network from inside the engine.
 */
final class HttpBuiltins implements BuiltinGroup {

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(spec(
                "http.send",
                OBJ,
                (ctx, a) -> {
                    throw BuiltinException.failed(
                            "http.send", "outbound HTTP is disabled in the embedded engine (mock it with `with`)");
                },
                OBJ));
    }
}
