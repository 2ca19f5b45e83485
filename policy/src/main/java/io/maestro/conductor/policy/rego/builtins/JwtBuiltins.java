package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ARR;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.OBJ;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code io.jwt.decode}, {@code io.jwt.verify_*}, {@code io.jwt.decode_verify} and
 * {@code io.jwt.encode_sign[_raw]}: decoding, signature checks and signing of compact JWS tokens.
 * Bad tokens and constraints are builtin errors; a token
 * that fails verification or a claim check is "not valid", never an error.
 */
final class JwtBuiltins implements BuiltinGroup {
    private static final Set<String> ASYMMETRIC =
            Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");
    private static final Set<String> HMAC = Set.of("HS256", "HS384", "HS512");
    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

    @Override
    public List<BuiltinSpec> specs() {
        List<BuiltinSpec> specs = new ArrayList<>();
        specs.add(spec("io.jwt.decode", ARR, (ctx, a) -> decode(Operands.string("io.jwt.decode", a, 1)), STR));
        for (String alg : ASYMMETRIC) {
            String name = "io.jwt.verify_" + alg.toLowerCase();
            specs.add(spec(
                    name,
                    BOOL,
                    (ctx, a) -> {
                        Jwt jwt = Jwt.parse(name, Operands.string(name, a, 1));
                        List<JwtKeys.Key> keys = JwtKeys.parse(name, Operands.string(name, a, 2));
                        byte[] signature = jwt.signature(name);
                        return BooleanValue.of(keys.stream()
                                .anyMatch(k -> JwtKeys.verify(alg, k.key(), jwt.signingInput(), signature)));
                    },
                    STR,
                    STR));
        }
        for (String alg : HMAC) {
            String name = "io.jwt.verify_" + alg.toLowerCase();
            specs.add(spec(
                    name,
                    BOOL,
                    (ctx, a) -> {
                        Jwt jwt = Jwt.parse(name, Operands.string(name, a, 1));
                        return BooleanValue.of(JwtKeys.verifyHmac(
                                alg, Operands.string(name, a, 2), jwt.signingInput(), jwt.signature(name)));
                    },
                    STR,
                    STR));
        }
        specs.add(spec("io.jwt.decode_verify", ARR, JwtBuiltins::decodeVerify, STR, OBJ));
        specs.add(spec(
                "io.jwt.encode_sign",
                STR,
                (ctx, a) -> StringValue.of(JwtSigning.sign(
                        "io.jwt.encode_sign",
                        GoJson.marshal(Operands.object("io.jwt.encode_sign", a, 1)),
                        GoJson.marshal(Operands.object("io.jwt.encode_sign", a, 2)),
                        GoJson.marshal(Operands.object("io.jwt.encode_sign", a, 3)))),
                OBJ,
                OBJ,
                OBJ));
        specs.add(spec(
                "io.jwt.encode_sign_raw",
                STR,
                (ctx, a) -> StringValue.of(JwtSigning.sign(
                        "io.jwt.encode_sign_raw",
                        Operands.string("io.jwt.encode_sign_raw", a, 1),
                        Operands.string("io.jwt.encode_sign_raw", a, 2),
                        Operands.string("io.jwt.encode_sign_raw", a, 3))),
                STR,
                STR,
                STR));
        return specs;
    }

    /** [header, payload, signature as hex]; a nested token (cty JWT) is decoded down to the innermost. */
    private static Value decode(String token) {
        String name = "io.jwt.decode";
        Jwt jwt = Jwt.parse(name, token);
        while (jwt.nested()) jwt = Jwt.parse(name, jwt.innerToken(name));
        ObjectValue payload = jwt.payload(name);
        String signature = HexFormat.of().formatHex(jwt.signature(name));
        return ArrayValue.of(jwt.header(), payload, StringValue.of(signature));
    }

    /** The constraints of {@code io.jwt.decode_verify}. */
    private record Constraints(
            List<JwtKeys.Key> keys, String secret, String alg, String iss, String aud, BigDecimal timeNs) {}

    /** The constraints; the query clock is read only when no {@code time} is given (so such a query stays pure). */
    private static Constraints constraints(String name, ObjectValue c, BuiltinContext ctx) {
        List<JwtKeys.Key> keys = null;
        String secret = null;
        String alg = "";
        String iss = "";
        String aud = "";
        BigDecimal time = null;
        for (Map.Entry<Value, Value> e : c.entries().entrySet()) {
            String key = e.getKey() instanceof StringValue k ? k.value() : RegoText.of(e.getKey());
            Value v = e.getValue();
            if (key.equals("time")) {
                if (!(v instanceof NumberValue n))
                    throw BuiltinException.failed(name, "token time constraint: must be a number");
                time = n.value();
                continue;
            }
            if (!(v instanceof StringValue s)) {
                throw BuiltinException.failed(name, "token " + key + " constraint: must be a string");
            }
            switch (key) {
                case "cert" -> keys = JwtKeys.parse(name, s.value());
                case "secret" -> secret = s.value();
                case "alg" -> alg = s.value();
                case "iss" -> iss = s.value();
                case "aud" -> aud = s.value();
                default -> throw BuiltinException.failed(name, "unknown token validation constraint: " + key);
            }
        }
        if (keys != null && secret != null) throw BuiltinException.failed(name, "duplicate key constraints");
        if (keys == null && secret == null)
            throw BuiltinException.failed(name, "no key constraint: one of cert or secret is required");
        if (time == null) time = BigDecimal.valueOf(ctx.nowNanos());
        return new Constraints(keys, secret, alg, iss, aud, time);
    }

    private static Value decodeVerify(BuiltinContext ctx, List<Value> a) {
        String name = "io.jwt.decode_verify";
        String token = Operands.string(name, a, 1);
        Constraints c = constraints(name, Operands.object(name, a, 2), ctx);
        Value unverified = ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
        Jwt jwt = Jwt.parse(name, token);
        while (true) {
            String alg = jwt.alg();
            if (alg.isEmpty()) return unverified;
            if (!c.alg().isEmpty() && !c.alg().equals(alg)) return unverified;
            if (!ASYMMETRIC.contains(alg) && !HMAC.contains(alg))
                throw BuiltinException.failed(name, "unknown JWS algorithm: " + alg);
            if (!signatureValid(name, jwt, alg, c)) return unverified;
            if (!jwt.nested()) break;
            jwt = Jwt.parse(name, jwt.innerToken(name));
        }
        ObjectValue payload = jwt.payload(name);
        if (!claimsValid(name, payload, c)) return unverified;
        return ArrayValue.of(BooleanValue.TRUE, jwt.header(), payload);
    }

    private static boolean signatureValid(String name, Jwt jwt, String alg, Constraints c) {
        byte[] signature = jwt.signature(name);
        if (c.secret() != null) return JwtKeys.verifyHmac(alg, c.secret(), jwt.signingInput(), signature);
        String kid = jwt.kid();
        if (!kid.isEmpty()) {
            for (JwtKeys.Key k : c.keys()) {
                if (kid.equals(k.kid())) return JwtKeys.verify(alg, k.key(), jwt.signingInput(), signature);
            }
        }
        return c.keys().stream().anyMatch(k -> JwtKeys.verify(alg, k.key(), jwt.signingInput(), signature));
    }

    /** iss and aud must match the constraints; exp and nbf (seconds) are checked against the constraint time. */
    private static boolean claimsValid(String name, ObjectValue payload, Constraints c) {
        if (!c.iss().isEmpty()
                && !(payload.get("iss") instanceof StringValue iss
                        && iss.value().equals(c.iss()))) {
            return false;
        }
        Value aud = payload.get("aud");
        if (aud == null) {
            if (!c.aud().isEmpty()) return false;
        } else if (aud instanceof StringValue s) {
            if (!s.value().equals(c.aud())) return false;
        } else if (aud instanceof ArrayValue list) {
            if (!list.elements().contains(StringValue.of(c.aud()))) return false;
        } else {
            return false;
        }
        BigDecimal now = c.timeNs().divide(NANOS);
        Value exp = payload.get("exp");
        if (exp != null) {
            if (!(exp instanceof NumberValue n)) throw BuiltinException.failed(name, "exp value must be a number");
            if (now.compareTo(n.value()) >= 0) return false;
        }
        Value nbf = payload.get("nbf");
        if (nbf != null) {
            if (!(nbf instanceof NumberValue n)) throw BuiltinException.failed(name, "nbf value must be a number");
            if (now.compareTo(n.value()) < 0) return false;
        }
        return true;
    }
}
