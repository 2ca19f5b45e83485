package io.maestro.conductor.policy.rego.builtins;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.nio.charset.StandardCharsets;

/**
 * A compact JWS split into its three sections, decoded as OPA decodes them, with OPA's messages
 * ("JWT header had invalid encoding: illegal base64 data at input byte 13", "JWT is a JWE object,
 * which is not supported"). Error messages never include the token itself.
 */
record Jwt(String headerPart, String payloadPart, String signaturePart, ObjectValue header) {

    static Jwt parse(String name, String token) {
        if (!token.contains(".")) throw BuiltinException.failed(name, "encoded JWT had no period separators");
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw BuiltinException.failed(name, "encoded JWT must have 3 sections, found " + parts.length);
        }
        String headerJson = text(name, "header", parts[0]);
        ObjectValue header = object(name, "header", headerJson);
        if (header.get("enc") != null)
            throw BuiltinException.failed(name, "JWT is a JWE object, which is not supported");
        return new Jwt(parts[0], parts[1], parts[2], header);
    }

    /** The decoded payload text (for a nested token, the inner token in quotes). */
    String payloadText(String name) {
        return text(name, "payload", payloadPart);
    }

    ObjectValue payload(String name) {
        return object(name, "payload", payloadText(name));
    }

    byte[] signature(String name) {
        return bytes(name, "signature", signaturePart);
    }

    byte[] signingInput() {
        return (headerPart + "." + payloadPart).getBytes(StandardCharsets.US_ASCII);
    }

    String alg() {
        return header.get("alg") instanceof StringValue s ? s.value() : "";
    }

    String kid() {
        return header.get("kid") instanceof StringValue s ? s.value() : "";
    }

    /** Whether the payload is itself a JWT (content type "JWT"). */
    boolean nested() {
        return header.get("cty") instanceof StringValue s && s.value().equalsIgnoreCase("JWT");
    }

    /** The inner token of a nested JWT: the payload with surrounding quotes removed. */
    String innerToken(String name) {
        return payloadText(name).replaceAll("^[\"']+|[\"']+$", "");
    }

    private static byte[] bytes(String name, String section, String part) {
        try {
            return EncodingBuiltins.decode(part, true);
        } catch (IllegalArgumentException e) {
            throw BuiltinException.failed(name, "JWT " + section + " had invalid encoding: " + e.getMessage());
        }
    }

    private static String text(String name, String section, String part) {
        return new String(bytes(name, section, part), StandardCharsets.UTF_8);
    }

    private static ObjectValue object(String name, String section, String json) {
        Value v;
        try {
            v = GoJson.parse(json);
        } catch (JsonProcessingException e) {
            throw BuiltinException.failed(name, "JWT " + section + " had invalid JSON");
        }
        if (!(v instanceof ObjectValue o))
            throw BuiltinException.failed(name, "JWT " + section + " is not a JSON object");
        return o;
    }
}
