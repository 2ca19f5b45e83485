package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code crypto.md5 sha1 sha256} digests and {@code crypto.hmac.*}, all as lower-case hex. */
final class CryptoBuiltins implements BuiltinGroup {

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                digest("crypto.md5", "MD5"),
                digest("crypto.sha1", "SHA-1"),
                digest("crypto.sha256", "SHA-256"),
                hmac("crypto.hmac.md5", "HmacMD5"),
                hmac("crypto.hmac.sha1", "HmacSHA1"),
                hmac("crypto.hmac.sha256", "HmacSHA256"),
                hmac("crypto.hmac.sha512", "HmacSHA512"),
                spec(
                        "crypto.hmac.equal",
                        BOOL,
                        (ctx, a) -> BooleanValue.of(MessageDigest.isEqual(
                                utf8(Operands.string("crypto.hmac.equal", a, 1)),
                                utf8(Operands.string("crypto.hmac.equal", a, 2)))),
                        STR,
                        STR));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static BuiltinSpec digest(String name, String algorithm) {
        return spec(
                name,
                STR,
                (ctx, a) -> {
                    try {
                        byte[] hash = MessageDigest.getInstance(algorithm).digest(utf8(Operands.string(name, a, 1)));
                        return StringValue.of(HexFormat.of().formatHex(hash));
                    } catch (GeneralSecurityException e) {
                        throw BuiltinException.failed(name, "digest unavailable: " + algorithm);
                    }
                },
                STR);
    }

    private static BuiltinSpec hmac(String name, String algorithm) {
        return spec(
                name,
                STR,
                (ctx, a) -> {
                    byte[] message = utf8(Operands.string(name, a, 1));
                    byte[] key = utf8(Operands.string(name, a, 2));
                    try {
                        Mac mac = Mac.getInstance(algorithm);
                        // An empty key is valid for HMAC (Go accepts it) but not for SecretKeySpec; one zero byte is
                        // equivalent.
                        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
                        return StringValue.of(HexFormat.of().formatHex(mac.doFinal(message)));
                    } catch (GeneralSecurityException e) {
                        throw BuiltinException.failed(name, "hmac unavailable: " + algorithm);
                    }
                },
                STR,
                STR);
    }
}
