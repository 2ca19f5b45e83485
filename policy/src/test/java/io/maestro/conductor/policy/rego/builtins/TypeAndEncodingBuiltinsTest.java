package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Calls.arr;
import static io.maestro.conductor.policy.rego.builtins.Calls.call;
import static io.maestro.conductor.policy.rego.builtins.Calls.error;
import static io.maestro.conductor.policy.rego.builtins.Calls.json;
import static io.maestro.conductor.policy.rego.builtins.Calls.n;
import static io.maestro.conductor.policy.rego.builtins.Calls.s;
import static io.maestro.conductor.policy.rego.builtins.Calls.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import org.junit.jupiter.api.Test;

/** Type checks and casts, encodings, digests. */
class TypeAndEncodingBuiltinsTest {

    @Test
    void typePredicatesAndNames() {
        assertThat(call("is_set", set(n(1)))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("is_set", arr(n(1)))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("is_null", NullValue.INSTANCE)).isEqualTo(BooleanValue.TRUE);
        assertThat(call("is_number", s("1"))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("type_name", json("{}"))).isEqualTo(s("object"));
        assertThat(call("type_name", set())).isEqualTo(s("set"));
    }

    @Test
    void toNumberParsesDecimalTextAndReportsGoSyntaxErrors() {
        assertThat(call("to_number", s("3"))).isEqualTo(n(3));
        assertThat(call("to_number", s("-1.5e2"))).isEqualTo(n(-150));
        assertThat(call("to_number", BooleanValue.TRUE)).isEqualTo(n(1));
        assertThat(call("to_number", NullValue.INSTANCE)).isEqualTo(n(0));
        BuiltinException e = error("to_number", s("broken"));
        assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
        assertThat(e).hasMessage("to_number: strconv.ParseFloat: parsing \"broken\": invalid syntax");
        assertThat(error("to_number", s("-Inf")))
                .hasMessage("to_number: operand 1 must be valid number string but got string");
        assertThat(error("to_number", arr()))
                .hasMessage("to_number: operand 1 must be one of {null, boolean, number, string} but got array");
    }

    @Test
    void base64AndBase64Url() {
        assertThat(call("base64.encode", s("there"))).isEqualTo(s("dGhlcmU="));
        assertThat(call("base64.decode", s("c3ViamVjdHM/X2Q="))).isEqualTo(s("subjects?_d"));
        assertThat(call("base64.is_valid", s("aGVsbG8="))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("base64.is_valid", s("aGVsbG8")))
                .as("std base64 needs padding")
                .isEqualTo(BooleanValue.FALSE);
        assertThat(call("base64.is_valid", n(1))).isEqualTo(BooleanValue.FALSE);
        assertThat(error("base64url.decode", s("aGVsb")))
                .hasMessage("base64url.decode: illegal base64url string: aGVsb");
        assertThat(error("base64.decode", s("aGV^bG8=")))
                .hasMessage("base64.decode: illegal base64 data at input byte 3");
        assertThat(call("base64url.encode", s("subjects?_d"))).isEqualTo(s("c3ViamVjdHM_X2Q="));
        assertThat(call("base64url.encode_no_pad", s("hello"))).isEqualTo(s("aGVsbG8"));
        assertThat(call("base64url.decode", s("aGVsbG8"))).isEqualTo(s("hello"));
        assertThat(call("base64url.decode", s("aGVsbG8="))).isEqualTo(s("hello"));
    }

    @Test
    void hexAndUrlQuery() {
        assertThat(call("hex.encode", s("hi"))).isEqualTo(s("6869"));
        assertThat(call("hex.decode", s("6869"))).isEqualTo(s("hi"));
        assertThat(error("hex.decode", s("6")).code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
        assertThat(error("hex.decode", s("6"))).hasMessage("hex.decode: encoding/hex: odd length hex string");
        assertThat(error("hex.decode", s("6g"))).hasMessage("hex.decode: encoding/hex: invalid byte: U+0067 'g'");
        assertThat(error("hex.decode", s("g")))
                .as("an invalid byte is reported before an odd length")
                .hasMessage("hex.decode: encoding/hex: invalid byte: U+0067 'g'");
        assertThat(error("hex.decode", s("6\n"))).hasMessage("hex.decode: encoding/hex: invalid byte: U+000A");
        assertThat(call("urlquery.encode", s("a=b+1 *~"))).isEqualTo(s("a%3Db%2B1+%2A~"));
        assertThat(call("urlquery.decode", s("a%3Db%2B1+x"))).isEqualTo(s("a=b+1 x"));
        assertThat(error("urlquery.decode", s("%zz"))).hasMessage("urlquery.decode: invalid URL escape \"%zz\"");
        assertThat(call("urlquery.encode_object", json("{\"b\":\"x y\",\"a\":[\"b+1\",\"c+2\"]}")))
                .isEqualTo(s("a=b%2B1&a=c%2B2&b=x+y"));
        assertThat(call("urlquery.decode_object", s("a=value_a1&b&a=value_a2")))
                .isEqualTo(json("{\"a\":[\"value_a1\",\"value_a2\"],\"b\":[\"\"]}"));
        assertThat(call("urlquery.decode_object", s(""))).isEqualTo(json("{}"));
        assertThat(error("urlquery.encode_object", json("{\"a\":1}")).code()).isEqualTo(BuiltinException.TYPE_ERROR);
    }

    @Test
    void digestsAndHmacs() {
        assertThat(call("crypto.md5", s(""))).isEqualTo(s("d41d8cd98f00b204e9800998ecf8427e"));
        assertThat(call("crypto.sha1", s("abc"))).isEqualTo(s("a9993e364706816aba3e25717850c26c9cd0d89d"));
        assertThat(call("crypto.sha256", s("")))
                .isEqualTo(s("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(call("crypto.hmac.sha256", s("The quick brown fox jumps over the lazy dog"), s("key")))
                .isEqualTo(s("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"));
        assertThat(call("crypto.hmac.md5", s("The quick brown fox jumps over the lazy dog"), s("key")))
                .isEqualTo(s("80070713463e7749b90c2dc24911e275"));
        assertThat(call("crypto.hmac.sha256", s(""), s("")))
                .isEqualTo(s("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"));
        assertThat(call("crypto.hmac.equal", s("abc"), s("abc"))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("crypto.hmac.equal", s("abc"), s("abd"))).isEqualTo(BooleanValue.FALSE);
    }
}
