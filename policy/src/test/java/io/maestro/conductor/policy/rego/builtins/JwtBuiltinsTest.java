package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Calls.arr;
import static io.maestro.conductor.policy.rego.builtins.Calls.call;
import static io.maestro.conductor.policy.rego.builtins.Calls.error;
import static io.maestro.conductor.policy.rego.builtins.Calls.json;
import static io.maestro.conductor.policy.rego.builtins.Calls.s;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JWT builtins against tokens signed here with Nimbus, and one signed by the key of a fixture certificate. */
class JwtBuiltinsTest {
    private static final String SECRET = "a-shared-secret-of-at-least-256-bits!!";
    /** Calls.NOW in seconds: the clock decode_verify checks exp and nbf against. */
    private static final long NOW_S = Calls.NOW / 1_000_000_000L;

    private static RSAKey rsa;
    /** A second RSA key, taken from the fixture certificate rather than generated (keygen is slow). */
    private static RSAKey otherRsa;

    private static ECKey ec;

    @BeforeAll
    static void keys() throws JOSEException, IOException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        otherRsa = new RSAKey.Builder(RSAKey.parse(X509CertUtils.parse(resource("rsa-cert.pem"))))
                .keyID("rsa-2")
                .build();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims)
            throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(long exp) {
        return new JWTClaimsSet.Builder()
                .issuer("conductor")
                .subject("alice")
                .audience("hub")
                .expirationTime(new Date(exp * 1000))
                .notBeforeTime(new Date((NOW_S - 60) * 1000))
                .build();
    }

    private static String publicPem(RSAKey key) throws JOSEException {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.toPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = JwtBuiltinsTest.class.getResourceAsStream("/jwt/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    @Test
    void decodeReturnsHeaderPayloadAndSignatureHex() {
        Value out = call(
                "io.jwt.decode",
                s("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJuZXciOiJJIGFtIGEgdXNlciBjcmVhdGVkIGZpZWxkIiwiaXNzIjoib3BhIn0"
                        + ".6UmjsclVDGD9jcmX_F8RJzVgHtUZuLu2pxkF_UEQCrE"));
        assertThat(out)
                .isEqualTo(arr(
                        json("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"),
                        json("{\"iss\":\"opa\",\"new\":\"I am a user created field\"}"),
                        s("e949a3b1c9550c60fd8dc997fc5f112735601ed519b8bbb6a71905fd41100ab1")));
    }

    @Test
    void decodeErrorsUseOpaWording() {
        assertThat(error(
                        "io.jwt.decode",
                        s("eyJhbGciOiJIU^%zI1NiI+sInR5cCI6IkpXVCJ9.eyJzdWIiOiIwIiwiaXNzIjoib3BhIn0.XmVo")))
                .hasMessage("io.jwt.decode: JWT header had invalid encoding: illegal base64 data at input byte 13");
        assertThat(error("io.jwt.decode", s("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImVuYyI6ImJsYWgifQ.e30.AA")))
                .hasMessage("io.jwt.decode: JWT is a JWE object, which is not supported");
        assertThat(error("io.jwt.decode", s("nodots")))
                .hasMessage("io.jwt.decode: encoded JWT had no period separators");
        assertThat(error("io.jwt.decode", s("a.b")))
                .hasMessage("io.jwt.decode: encoded JWT must have 3 sections, found 2");
    }

    @Test
    void verifyChecksSignaturesWithPemJwkAndSecrets() throws Exception {
        String rs = sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "rsa-1", claims(NOW_S + 600));
        assertThat(call("io.jwt.verify_rs256", s(rs), s(publicPem(rsa)))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("io.jwt.verify_rs256", s(rs), s(publicPem(otherRsa)))).isEqualTo(BooleanValue.FALSE);
        assertThat(call(
                        "io.jwt.verify_rs256",
                        s(rs),
                        s(new JWKSet(List.of(otherRsa.toPublicJWK(), rsa.toPublicJWK())).toString())))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call("io.jwt.verify_rs384", s(rs), s(publicPem(rsa))))
                .as("other hash")
                .isEqualTo(BooleanValue.FALSE);
        String tampered = rs.substring(0, rs.lastIndexOf('.') - 2) + "AA" + rs.substring(rs.lastIndexOf('.'));
        assertThat(call("io.jwt.verify_rs256", s(tampered), s(publicPem(rsa)))).isEqualTo(BooleanValue.FALSE);

        String ps = sign(new RSASSASigner(rsa), JWSAlgorithm.PS256, "rsa-1", claims(NOW_S + 600));
        assertThat(call("io.jwt.verify_ps256", s(ps), s(rsa.toPublicJWK().toString())))
                .isEqualTo(BooleanValue.TRUE);

        String es = sign(new ECDSASigner(ec), JWSAlgorithm.ES256, "ec-1", claims(NOW_S + 600));
        assertThat(call("io.jwt.verify_es256", s(es), s(ec.toPublicJWK().toString())))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call("io.jwt.verify_es256", s(es), s(publicPem(rsa)))).isEqualTo(BooleanValue.FALSE);

        String hs = sign(new MACSigner(SECRET), JWSAlgorithm.HS256, null, claims(NOW_S + 600));
        assertThat(call("io.jwt.verify_hs256", s(hs), s(SECRET))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("io.jwt.verify_hs256", s(hs), s(SECRET + "x"))).isEqualTo(BooleanValue.FALSE);

        assertThat(error("io.jwt.verify_rs256", s(rs), s("-----BEGIN NONSENSE-----"))
                        .code())
                .isEqualTo(BuiltinException.BUILTIN_ERROR);
    }

    @Test
    void verifyReadsAPemCertificate() throws IOException {
        String token = resource("rs256-token-signed-by-cert.txt");
        assertThat(call("io.jwt.verify_rs256", s(token), s(resource("rsa-cert.pem"))))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call("io.jwt.verify_rs256", s(token.replace(".eyJ", ".eyK")), s(resource("rsa-cert.pem"))))
                .isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void decodeVerifyChecksSignatureAndClaims() throws Exception {
        String cert = rsa.toPublicJWK().toString();
        String good = sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "rsa-1", claims(NOW_S + 600));
        ArrayValue ok = (ArrayValue) verify(good, "\"cert\":" + quote(cert) + ",\"iss\":\"conductor\",\"aud\":\"hub\"");
        assertThat(ok.get(0)).isEqualTo(BooleanValue.TRUE);
        assertThat(((ObjectValue) ok.get(1)).get("kid")).isEqualTo(s("rsa-1"));
        assertThat(((ObjectValue) ok.get(2)).get("sub")).isEqualTo(s("alice"));

        ArrayValue invalid = arr(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
        assertThat(verify(good, "\"cert\":" + quote(cert) + ",\"aud\":\"hub\",\"iss\":\"someone-else\""))
                .isEqualTo(invalid);
        assertThat(verify(good, "\"cert\":" + quote(cert)))
                .as("token has aud, constraints none")
                .isEqualTo(invalid);
        assertThat(verify(good, "\"cert\":" + quote(cert) + ",\"aud\":\"hub\",\"alg\":\"RS512\""))
                .isEqualTo(invalid);
        assertThat(verify(good, "\"cert\":" + quote(otherRsa.toPublicJWK().toString()) + ",\"aud\":\"hub\""))
                .isEqualTo(invalid);
        assertThat(verify(good, "\"cert\":" + quote(cert) + ",\"aud\":\"hub\",\"time\":" + (NOW_S + 601) + "000000000"))
                .as("expired at the given time")
                .isEqualTo(invalid);
        assertThat(verify(good, "\"cert\":" + quote(cert) + ",\"aud\":\"hub\",\"time\":" + (NOW_S - 120) + "000000000"))
                .as("not yet valid")
                .isEqualTo(invalid);
        String expired = sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "rsa-1", claims(NOW_S - 1));
        assertThat(verify(expired, "\"cert\":" + quote(cert) + ",\"aud\":\"hub\""))
                .isEqualTo(invalid);

        String hs = sign(new MACSigner(SECRET), JWSAlgorithm.HS256, null, claims(NOW_S + 600));
        assertThat(((ArrayValue) verify(hs, "\"secret\":" + quote(SECRET) + ",\"aud\":\"hub\"")).get(0))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(error("io.jwt.decode_verify", s(hs), json("{\"secret\":\"x\",\"cert\":" + quote(cert) + "}")))
                .hasMessage("io.jwt.decode_verify: duplicate key constraints");
        assertThat(error("io.jwt.decode_verify", s(hs), json("{\"secret\":\"x\",\"colour\":\"red\"}")))
                .hasMessage("io.jwt.decode_verify: unknown token validation constraint: colour");
    }

    @Test
    void decodeVerifyReadsTheClockOnlyWithoutATimeConstraint() throws Exception {
        String hs = sign(new MACSigner(SECRET), JWSAlgorithm.HS256, null, claims(NOW_S + 600));
        BuiltinContext given = Calls.context();
        Value ok = call(
                given,
                "io.jwt.decode_verify",
                s(hs),
                json("{\"secret\":" + quote(SECRET) + ",\"aud\":\"hub\",\"time\":" + NOW_S + "000000000}"));
        assertThat(((ArrayValue) ok).get(0)).isEqualTo(BooleanValue.TRUE);
        assertThat(given.isPure()).as("time given: no clock read").isTrue();
        BuiltinContext clock = Calls.context();
        call(clock, "io.jwt.decode_verify", s(hs), json("{\"secret\":" + quote(SECRET) + ",\"aud\":\"hub\"}"));
        assertThat(clock.isPure()).as("no time: the query clock decides").isFalse();
    }

    @Test
    void encodeSignProducesTokensTheVerifiersAccept() throws Exception {
        Value header = json("{\"typ\":\"JWT\",\"alg\":\"HS256\"}");
        Value claims = json(
                "{\"iss\":\"joe\",\"exp\":1300819380,\"aud\":[\"bob\",\"saul\"],"
                        + "\"http://example.com/is_root\":true,\"privateParams\":{\"private_one\":\"one\",\"private_two\":\"two\"}}");
        Value oct = json(
                "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}");
        String token = ((StringValue) call("io.jwt.encode_sign", header, claims, oct)).value();
        assertThat(token)
                .startsWith(
                        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOlsiYm9iIiwic2F1bCJdLCJleHAiOjEzMDA4MTkzODAsImh0dHA6Ly9leGFtcGxl"
                                + "LmNvbS9pc19yb290Ijp0cnVlLCJpc3MiOiJqb2UiLCJwcml2YXRlUGFyYW1zIjp7InByaXZhdGVfb25lIjoib25lIiwicHJpdmF0ZV90d28iOiJ0d28ifX0.");
        assertThat(((ArrayValue) call("io.jwt.decode", s(token))).get(1)).isEqualTo(claims);

        String raw = ((StringValue) call(
                        "io.jwt.encode_sign_raw",
                        s("{\"alg\":\"ES256\",\"kid\":\"ec-1\"}"),
                        s("{\"sub\":\"alice\"}"),
                        s(ec.toJSONString())))
                .value();
        assertThat(call("io.jwt.verify_es256", s(raw), s(ec.toPublicJWK().toString())))
                .isEqualTo(BooleanValue.TRUE);
        String rs = ((StringValue) call(
                        "io.jwt.encode_sign",
                        json("{\"alg\":\"RS256\"}"),
                        json("{\"sub\":\"alice\"}"),
                        json(rsa.toJSONString())))
                .value();
        assertThat(call("io.jwt.verify_rs256", s(rs), s(publicPem(rsa)))).isEqualTo(BooleanValue.TRUE);

        BuiltinException publicOnly = error(
                "io.jwt.encode_sign",
                json("{\"alg\":\"RS256\"}"),
                json("{}"),
                json(rsa.toPublicJWK().toJSONString()));
        assertThat(publicOnly.getMessage())
                .contains("not a private key")
                .doesNotContain(rsa.getModulus().toString());
    }

    private static Value verify(String token, String constraintFields) {
        return call("io.jwt.decode_verify", s(token), json("{" + constraintFields + "}"));
    }

    /** RFC 8037 appendix A: the Ed25519 key, and its deterministic signature of "Example of Ed25519 signing". */
    private static final String OKP_PRIVATE = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
            + "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";

    private static final String OKP_PUBLIC = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"ed\","
            + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
    private static final String RFC8037_JWS = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
            + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    /** OPA's docs: EdDSA (Ed25519) in verify_eddsa, decode_verify and encode_sign, with PEM or OKP JWK keys. */
    @Test
    void eddsaSignsAndVerifiesWithEd25519Keys() {
        assertThat(call(
                        "io.jwt.encode_sign_raw",
                        s("{\"alg\":\"EdDSA\"}"),
                        s("Example of Ed25519 signing"),
                        s(OKP_PRIVATE)))
                .as("RFC 8037 A.4")
                .isEqualTo(s(RFC8037_JWS));
        assertThat(call("io.jwt.verify_eddsa", s(RFC8037_JWS), s(OKP_PUBLIC))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("io.jwt.verify_eddsa", s(RFC8037_JWS), s("{\"keys\":[" + OKP_PUBLIC + "]}")))
                .isEqualTo(BooleanValue.TRUE);
        String pem =
                "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAwmK6SSAu2E9V7uynkCKEaj5nZJyTvNG4x0KohsRzLpg=\n-----END PUBLIC KEY-----";
        String jwtIo =
                "eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6"
                        + "MTUxNjIzOTAyMn0.JkKWCY39IdWEQttmdqR7VdsvT-_QxheW_eb0S5wr_j83ltux_JDUIXs7a3Dtn3xuqzuhetiuJrWIvy5TzimeCg";
        assertThat(call("io.jwt.verify_eddsa", s(jwtIo), s(pem))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("io.jwt.verify_eddsa", s(jwtIo), s(OKP_PUBLIC)))
                .as("another key")
                .isEqualTo(BooleanValue.FALSE);

        Value token = call(
                "io.jwt.encode_sign",
                json("{\"alg\":\"EdDSA\",\"kid\":\"ed\"}"),
                json("{\"iss\":\"me\"}"),
                json(OKP_PRIVATE));
        Value verified =
                call("io.jwt.decode_verify", token, json("{\"cert\":" + quote(OKP_PUBLIC) + ",\"iss\":\"me\"}"));
        assertThat(verified)
                .isEqualTo(
                        arr(BooleanValue.TRUE, json("{\"alg\":\"EdDSA\",\"kid\":\"ed\"}"), json("{\"iss\":\"me\"}")));
        assertThat(call("io.jwt.decode_verify", token, json("{\"cert\":" + quote(pem) + "}")))
                .isEqualTo(arr(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY));
        assertThat(error("io.jwt.encode_sign", json("{\"alg\":\"EdDSA\"}"), json("{}"), json(OKP_PUBLIC)))
                .hasMessage("io.jwt.encode_sign: the key does not fit algorithm EdDSA (or is not a private key)");
    }

    private static String quote(String s) {
        return GoJson.marshal(StringValue.of(s));
    }
}
