package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ANY;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import java.util.List;

/**
 * {@code crypto.parse_private_keys}: every private key of PEM text (or of base64 of it) as Go's key JSON, the
 * key parsing of {@link X509Keys} shared with {@code crypto.x509.parse_rsa_private_key} and {@code parse_keypair}.
 */
final class PrivateKeyBuiltins implements BuiltinGroup {
    static final String PARSE_KEYS = "crypto.parse_private_keys";

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(spec(
                PARSE_KEYS,
                ANY,
                (ctx, a) -> X509Keys.parsePrivateKeys(PARSE_KEYS, Operands.string(PARSE_KEYS, a, 1)),
                STR));
    }
}
