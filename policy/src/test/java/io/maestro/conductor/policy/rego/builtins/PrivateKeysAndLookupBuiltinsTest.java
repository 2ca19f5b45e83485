package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Calls.call;
import static io.maestro.conductor.policy.rego.builtins.Calls.error;
import static io.maestro.conductor.policy.rego.builtins.Calls.s;
import static io.maestro.conductor.policy.rego.builtins.Calls.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** crypto.parse_private_keys with keys the JDK generates at run time, and net.lookup_ip_addr on loopback only. */
class PrivateKeysAndLookupBuiltinsTest {
    private static final String PARSE = "crypto.parse_private_keys";
    private static final String LOOKUP = "net.lookup_ip_addr";
    /** The prime256v1 (P-256) curve OID, as SEC 1 names the curve of an EC PRIVATE KEY. */
    private static final byte[] P256 = {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};

    private static KeyPair rsa;
    private static KeyPair ec;
    private static KeyPair ed;

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
        rsaGen.initialize(2048);
        rsa = rsaGen.generateKeyPair();
        KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
        ecGen.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGen.generateKeyPair();
        ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    // ---- crypto.parse_private_keys -----------------------------------------------------------------------

    @Test
    void aPkcs8RsaKeyBecomesGosRsaPrivateKeyJson() {
        Value keys = call(PARSE, s(pem("PRIVATE KEY", rsa.getPrivate().getEncoded())));

        assertThat(keys).isInstanceOf(ArrayValue.class);
        assertThat(((ArrayValue) keys).size()).isEqualTo(1);
        assertRsa(((ArrayValue) keys).get(0));
    }

    @Test
    void everyKeyBlockIsReturnedInOrderAndOtherBlocksAreSkipped() {
        String text = "leading text\n"
                + pem("CERTIFICATE", new byte[] {0x30, 0x00})
                + pem("RSA PRIVATE KEY", pkcs1(rsa))
                + pem("EC PRIVATE KEY", sec1(ec))
                + pem("PRIVATE KEY", ed.getPrivate().getEncoded())
                + pem("PRIVATE KEY", ec.getPrivate().getEncoded());

        ArrayValue keys = (ArrayValue) call(PARSE, s(text));

        assertThat(keys.size()).isEqualTo(4);
        assertRsa(keys.get(0));
        assertEc(keys.get(1));
        assertThat(keys.get(2)).isEqualTo(s(ed25519GoBytes(ed)));
        assertEc(keys.get(3));
    }

    @Test
    void base64OfThePemTextGivesTheSameKeys() {
        String text = pem("RSA PRIVATE KEY", pkcs1(rsa)) + pem("EC PRIVATE KEY", sec1(ec));
        String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));

        assertThat(call(PARSE, s(encoded))).isEqualTo(call(PARSE, s(text)));
        assertThat(((ArrayValue) call(PARSE, s(encoded))).size()).isEqualTo(2);
    }

    @Test
    void emptyInputIsNullAndTextWithoutKeysIsAnEmptyArray() {
        assertThat(call(PARSE, s(""))).isEqualTo(NullValue.INSTANCE);
        assertThat(call(PARSE, s("no PEM here"))).isEqualTo(ArrayValue.EMPTY);
        assertThat(call(PARSE, s(pem("CERTIFICATE", new byte[] {0x30, 0x00})))).isEqualTo(ArrayValue.EMPTY);
    }

    @Test
    void aKeyBlockThatDoesNotParseIsAnError() {
        BuiltinException e = error(PARSE, s(pem("RSA PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00})));
        assertThat(e.getMessage()).contains(PARSE);
    }

    @Test
    void aNonStringOperandIsAnError() {
        error(PARSE, NumberValue.of(1));
    }

    // ---- net.lookup_ip_addr ------------------------------------------------------------------------------

    @Test
    void anIpLiteralIsItsOwnAddressInGosNotation() {
        assertThat(call(LOOKUP, s("10.0.0.0"))).isEqualTo(set(s("10.0.0.0")));
        assertThat(call(LOOKUP, s("::"))).isEqualTo(set(s("::")));
        assertThat(call(LOOKUP, s("::ffff:10.1.2.3"))).isEqualTo(set(s("10.1.2.3")));
        assertThat(call(LOOKUP, s("2001:DB8:0:0:1:0:0:1"))).isEqualTo(set(s("2001:db8::1:0:0:1")));
    }

    @Test
    void ipv6TextCompressesOnlyTheFirstLongestRunOfTwoOrMoreZeroGroups() throws Exception {
        assertThat(NetBuiltins.goIpText(InetAddress.getByName("0:0:0:0:0:0:0:1")))
                .isEqualTo("::1");
        assertThat(NetBuiltins.goIpText(InetAddress.getByName("1:0:0:0:0:0:0:0")))
                .isEqualTo("1::");
        assertThat(NetBuiltins.goIpText(InetAddress.getByName("1:0:2:3:4:5:6:7")))
                .isEqualTo("1:0:2:3:4:5:6:7");
        assertThat(NetBuiltins.goIpText(InetAddress.getByName("1:0:0:2:0:0:0:3")))
                .isEqualTo("1:0:0:2::3");
        assertThat(NetBuiltins.goIpText(InetAddress.getByName("fe80:0:0:0:0:0:0:ab")))
                .isEqualTo("fe80::ab");
    }

    @Test
    void localhostResolvesToLoopbackAndMakesTheQueryImpure() {
        BuiltinContext ctx = Calls.context();
        assertThat(ctx.isPure()).isTrue();

        Value addresses = call(ctx, LOOKUP, s("localhost"));

        assertThat(ctx.isPure()).isFalse();
        assertThat(((SetValue) addresses).elements())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a).isIn(s("127.0.0.1"), s("::1")));
        assertThat(call(ctx, LOOKUP, s("localhost"))).isEqualTo(addresses);
    }

    @Test
    void theContextsLookupItselfMarksTheQueryImpure() throws Exception {
        BuiltinContext ctx = Calls.context();

        InetAddress[] addresses = ctx.lookup("127.0.0.1");

        assertThat(ctx.isPure()).isFalse();
        assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
    }

    @Test
    void anEmptyNameIsAnErrorNotTheLoopbackAddress() {
        assertThat(error(LOOKUP, s("")).getMessage()).contains("no such host");
        error(LOOKUP, s("[::1]"));
        error(LOOKUP, NumberValue.of(1));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static void assertRsa(Value key) {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) rsa.getPrivate();
        ObjectValue o = (ObjectValue) key;
        assertThat(o.get("N")).isEqualTo(NumberValue.of(k.getModulus()));
        assertThat(o.get("E")).isEqualTo(NumberValue.of(k.getPublicExponent()));
        assertThat(o.get("D")).isEqualTo(NumberValue.of(k.getPrivateExponent()));
        assertThat(o.get("Primes"))
                .isEqualTo(ArrayValue.of(NumberValue.of(k.getPrimeP()), NumberValue.of(k.getPrimeQ())));
        ObjectValue pre = (ObjectValue) o.get("Precomputed");
        assertThat(pre.get("Dp")).isEqualTo(NumberValue.of(k.getPrimeExponentP()));
        assertThat(pre.get("Dq")).isEqualTo(NumberValue.of(k.getPrimeExponentQ()));
        assertThat(pre.get("Qinv")).isEqualTo(NumberValue.of(k.getCrtCoefficient()));
        assertThat(pre.get("CRTValues")).isEqualTo(ArrayValue.EMPTY);
        assertThat(o.size()).isEqualTo(5);
    }

    private static void assertEc(Value key) {
        ECPublicKey pub = (ECPublicKey) ec.getPublic();
        ObjectValue o = (ObjectValue) key;
        assertThat(o.get("Curve")).isEqualTo(ObjectValue.EMPTY);
        assertThat(o.get("X")).isEqualTo(NumberValue.of(pub.getW().getAffineX()));
        assertThat(o.get("Y")).isEqualTo(NumberValue.of(pub.getW().getAffineY()));
        assertThat(o.get("D")).isEqualTo(NumberValue.of(((ECPrivateKey) ec.getPrivate()).getS()));
        assertThat(o.size()).isEqualTo(4);
    }

    /** Go's ed25519.PrivateKey JSON: base64 of the 32-byte seed followed by the 32-byte public key. */
    private static String ed25519GoBytes(KeyPair pair) {
        byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
        byte[] spki = pair.getPublic().getEncoded();
        byte[] both = Arrays.copyOf(seed, 64);
        System.arraycopy(spki, spki.length - 32, both, 32, 32);
        return Base64.getEncoder().encodeToString(both);
    }

    /** The PKCS #1 RSAPrivateKey inside the JDK's PKCS #8 encoding (its OCTET STRING). */
    private static byte[] pkcs1(KeyPair pair) {
        return Der.parse(pair.getPrivate().getEncoded()).children().get(2).content();
    }

    /** A SEC 1 ECPrivateKey (version 1, the scalar, the named curve) for the P-256 pair. */
    private static byte[] sec1(KeyPair pair) {
        byte[] s = ((ECPrivateKey) pair.getPrivate()).getS().toByteArray();
        byte[] scalar = new byte[32];
        int n = Math.min(32, s.length);
        System.arraycopy(s, s.length - n, scalar, 32 - n, n);
        return Der.encode(0x30, Der.encode(0x02, new byte[] {1}), Der.encode(0x04, scalar), Der.encode(0xa0, P256));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
