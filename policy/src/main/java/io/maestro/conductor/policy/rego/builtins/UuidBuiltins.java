package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.OBJ;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code uuid.parse(s)}: the fields OPA decodes from a UUID (google/uuid's reading). Every UUID gives
 * {@code version} and {@code variant}; versions 1 and 2 add time, node id, MAC flags and clock sequence, and
 * version 2 its DCE id and domain. A string that is not a UUID makes the call undefined, as in OPA.
 */
final class UuidBuiltins implements BuiltinGroup {
    /** 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */
    private static final long GREGORIAN_TO_UNIX = 122_192_928_000_000_000L;

    private static final String URN_PREFIX = "urn:uuid:";

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(spec(
                "uuid.parse",
                OBJ,
                (ctx, a) -> {
                    byte[] uuid = bytes(Operands.string("uuid.parse", a, 1));
                    return uuid == null ? null : fields(uuid);
                },
                STR));
    }

    /** The 16 bytes of the forms google/uuid accepts: plain, {@code {…}}, {@code urn:uuid:…} and 32 hex digits. */
    static byte[] bytes(String s) {
        String hex;
        if (s.length() == 36 + URN_PREFIX.length()
                && s.substring(0, URN_PREFIX.length()).toLowerCase(Locale.ROOT).equals(URN_PREFIX)) {
            hex = dashed(s.substring(URN_PREFIX.length()));
        } else if (s.length() == 38 && s.charAt(0) == '{' && s.charAt(37) == '}') {
            hex = dashed(s.substring(1, 37));
        } else if (s.length() == 36) {
            hex = dashed(s);
        } else if (s.length() == 32) {
            hex = s;
        } else {
            return null;
        }
        if (hex == null) return null;
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            boolean hexDigit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hexDigit) return null;
        }
        return HexFormat.of().parseHex(hex);
    }

    private static String dashed(String s) {
        if (s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-' || s.charAt(23) != '-') return null;
        return s.substring(0, 8) + s.substring(9, 13) + s.substring(14, 18) + s.substring(19, 23) + s.substring(24);
    }

    private static ObjectValue fields(byte[] u) {
        Map<Value, Value> out = new TreeMap<>();
        int version = (u[6] & 0xff) >> 4;
        put(out, "version", NumberValue.of(version));
        put(out, "variant", StringValue.of(variant(u[8] & 0xff)));
        if (version == 1 || version == 2) {
            long time = uint32(u, 0) | (uint16(u, 4) << 32) | ((uint16(u, 6) & 0xfff) << 48);
            long sinceUnix = time - GREGORIAN_TO_UNIX;
            long seconds = sinceUnix / 10_000_000;
            long nanos = (sinceUnix % 10_000_000) * 100;
            put(out, "time", NumberValue.of(seconds * 1_000_000_000L + nanos));
            put(out, "nodeid", StringValue.of(HexFormat.ofDelimiter("-").formatHex(u, 10, 16)));
            put(out, "macvariables", StringValue.of(macVariables(u[10] & 0xff)));
            put(out, "clocksequence", NumberValue.of(uint16(u, 8) & 0x3fff));
            if (version == 2) {
                put(out, "id", NumberValue.of(uint32(u, 0)));
                put(out, "domain", StringValue.of(domain(u[9] & 0xff)));
            }
        }
        return ObjectValue.of(out);
    }

    private static String variant(int b) {
        if ((b & 0xc0) == 0x80) return "RFC4122";
        if ((b & 0xe0) == 0xc0) return "Microsoft";
        if ((b & 0xe0) == 0xe0) return "Future";
        return "Reserved";
    }

    /** The local/global and unicast/multicast bits of the node id's first byte (RFC 7042 §2.1). */
    private static String macVariables(int b) {
        if ((b & 0b11) == 0b11) return "local:multicast";
        if ((b & 0b01) == 0b01) return "global:multicast";
        if ((b & 0b10) == 0b10) return "local:unicast";
        return "global:unicast";
    }

    private static String domain(int d) {
        return switch (d) {
            case 0 -> "Person";
            case 1 -> "Group";
            case 2 -> "Org";
            default -> "Domain" + d;
        };
    }

    private static long uint16(byte[] b, int at) {
        return ((b[at] & 0xffL) << 8) | (b[at + 1] & 0xffL);
    }

    private static long uint32(byte[] b, int at) {
        return (uint16(b, at) << 16) | uint16(b, at + 2);
    }

    private static void put(Map<Value, Value> out, String key, Value value) {
        out.put(StringValue.of(key), value);
    }
}
