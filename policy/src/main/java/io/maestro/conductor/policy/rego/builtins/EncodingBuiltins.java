package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ANY;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.OBJ;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** {@code base64.* base64url.* hex.* urlquery.*}. Decoded bytes become a string as Go's conversion does. */
final class EncodingBuiltins implements BuiltinGroup {

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                unary("base64.encode", s -> Base64.getEncoder().encodeToString(utf8(s))),
                unary("base64.decode", s -> text(decode("base64.decode", s, false))),
                spec(
                        "base64.is_valid",
                        BOOL,
                        (ctx, a) -> {
                            if (!(a.get(0) instanceof StringValue s)) return BooleanValue.FALSE;
                            try {
                                decode(s.value(), false);
                                return BooleanValue.TRUE;
                            } catch (IllegalArgumentException e) {
                                return BooleanValue.FALSE;
                            }
                        },
                        ANY),
                unary("base64url.encode", s -> Base64.getUrlEncoder().encodeToString(utf8(s))),
                unary(
                        "base64url.encode_no_pad",
                        s -> Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(s))),
                unary("base64url.decode", s -> {
                    if (!s.endsWith("=") && s.length() % 4 == 1) {
                        throw BuiltinException.failed("base64url.decode", "illegal base64url string: " + s);
                    }
                    return text(decode("base64url.decode", s, true));
                }),
                unary("hex.encode", s -> HexFormat.of().formatHex(utf8(s))),
                unary("hex.decode", EncodingBuiltins::hexDecode),
                unary("urlquery.encode", EncodingBuiltins::queryEscape),
                unary("urlquery.decode", s -> queryUnescape("urlquery.decode", s)),
                spec("urlquery.encode_object", STR, EncodingBuiltins::encodeObject, OBJ),
                spec("urlquery.decode_object", OBJ, EncodingBuiltins::decodeObject, STR));
    }

    /**
     * Go's hex.DecodeString over the string's UTF-8 bytes, with its errors: the first byte that is not a hex
     * digit ({@code invalid byte: U+0067 'g'}), else an odd length.
     */
    private static String hexDecode(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : in) {
            if (Character.digit(b & 0xff, 16) < 0 || (b & 0xff) > 0x7f) {
                int rune = b & 0xff;
                // Go's %#U quotes the character only when strconv.IsPrint holds for it
                boolean printable = (rune >= 0x20 && rune < 0x7f) || (rune >= 0xa1 && rune != 0xad);
                String quoted = printable ? " '" + (char) rune + "'" : "";
                throw BuiltinException.failed(
                        "hex.decode", String.format("encoding/hex: invalid byte: U+%04X%s", rune, quoted));
            }
        }
        if (in.length % 2 != 0) throw BuiltinException.failed("hex.decode", "encoding/hex: odd length hex string");
        return text(HexFormat.of().parseHex(s));
    }

    private static BuiltinSpec unary(String name, Function<String, String> f) {
        return spec(name, STR, (ctx, a) -> StringValue.of(f.apply(Operands.string(name, a, 1))), STR);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Base64 with Go's error wording ("illegal base64 data at input byte N"). The URL variant accepts
     * padded and unpadded input, as OPA's base64url.decode does.
     *
     * @throws IllegalArgumentException with Go's message when the text is not base64
     */
    static byte[] decode(String s, boolean url) {
        String alphabet = url
                ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int data = s.length();
        while (data > 0 && s.charAt(data - 1) == '=') data--;
        for (int i = 0; i < data; i++) {
            if (alphabet.indexOf(s.charAt(i)) < 0)
                throw new IllegalArgumentException("illegal base64 data at input byte " + i);
        }
        int padding = s.length() - data;
        boolean padded = padding > 0;
        if (data % 4 == 1
                || padding > 2
                || (padded && (data + padding) % 4 != 0)
                || (!url && !padded && data % 4 != 0)) {
            throw new IllegalArgumentException(
                    "illegal base64 data at input byte " + Math.min(data, Math.max(s.length() - 1, 0)));
        }
        return (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s.substring(0, data));
    }

    /** {@link #decode(String, boolean)} with a failure as builtin {@code name}'s error. */
    static byte[] decode(String name, String s, boolean url) {
        try {
            return decode(s, url);
        } catch (IllegalArgumentException e) {
            throw BuiltinException.failed(name, e.getMessage());
        }
    }

    /** Go's url.QueryEscape: unreserved characters kept, space as '+', the rest percent-encoded. */
    static String queryEscape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    private static String queryUnescape(String name, String s) {
        for (int i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
            if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                String bad = s.substring(i, Math.min(i + 3, s.length()));
                throw BuiltinException.failed(name, "invalid URL escape " + RegoText.quote(bad));
            }
        }
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** Keys sorted, each value a string or an array or set of strings, as Go's url.Values.Encode. */
    private static Value encodeObject(BuiltinContext ctx, List<Value> a) {
        String name = "urlquery.encode_object";
        ObjectValue obj = Operands.object(name, a, 1);
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<Value, Value> e : obj.entries().entrySet()) {
            if (!(e.getKey() instanceof StringValue k)) throw Operands.invalid(name, 1, "must have string keys");
            Value v = e.getValue();
            List<String> values;
            if (v instanceof StringValue s) values = List.of(s.value());
            else if (v instanceof ArrayValue arr) values = valueStrings(name, arr.elements());
            else if (v instanceof SetValue set) values = valueStrings(name, set.elements());
            else throw Operands.invalid(name, 1, "values must be string, array[string], or set[string]");
            for (String one : values) pairs.add(queryEscape(k.value()) + "=" + queryEscape(one));
        }
        return StringValue.of(String.join("&", pairs));
    }

    private static List<String> valueStrings(String name, java.util.Collection<Value> values) {
        List<String> out = new ArrayList<>(values.size());
        for (Value v : values) {
            if (!(v instanceof StringValue s))
                throw Operands.invalid(name, 1, "values must be string, array[string], or set[string]");
            out.add(s.value());
        }
        return out;
    }

    /** Go's url.ParseQuery: '&'-separated pairs, each key to the array of its values in order. */
    private static Value decodeObject(BuiltinContext ctx, List<Value> a) {
        String name = "urlquery.decode_object";
        String query = Operands.string(name, a, 1);
        Map<String, List<Value>> out = new LinkedHashMap<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) continue;
            if (pair.contains(";")) throw BuiltinException.failed(name, "invalid semicolon separator in query");
            int eq = pair.indexOf('=');
            String key = queryUnescape(name, eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : queryUnescape(name, pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(StringValue.of(value));
        }
        Map<Value, Value> obj = new TreeMap<>();
        out.forEach((k, v) -> obj.put(StringValue.of(k), new ArrayValue(v)));
        return ObjectValue.of(obj);
    }
}
