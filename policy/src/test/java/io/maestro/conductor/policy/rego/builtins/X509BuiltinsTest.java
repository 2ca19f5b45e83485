package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Calls.arr;
import static io.maestro.conductor.policy.rego.builtins.Calls.call;
import static io.maestro.conductor.policy.rego.builtins.Calls.error;
import static io.maestro.conductor.policy.rego.builtins.Calls.json;
import static io.maestro.conductor.policy.rego.builtins.Calls.n;
import static io.maestro.conductor.policy.rego.builtins.Calls.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The crypto.x509 builtins against certificates, a request and keys built and signed here at run time
 * (a small DER writer below, the JDK's RSA signatures), so nothing expires and nothing is copied.
 */
class X509BuiltinsTest {
    private static final String PARSE = "crypto.x509.parse_certificates";
    private static final String VERIFY = "crypto.x509.parse_and_verify_certificates";
    private static final String VERIFY_OPTS = "crypto.x509.parse_and_verify_certificates_with_options";

    private static KeyPair rootKey;
    private static KeyPair midKey;
    private static KeyPair leafKey;
    private static KeyPair strangerKey;
    private static Instant now;
    private static byte[] root;
    private static byte[] mid;
    private static byte[] leaf;
    /** Same subject and issuer names as root, another key: a chain to it must not verify. */
    private static byte[] fakeRoot;

    private static byte[] expiredLeaf;

    @BeforeAll
    static void makeCertificates() throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        rootKey = gen.generateKeyPair();
        midKey = gen.generateKeyPair();
        leafKey = gen.generateKeyPair();
        strangerKey = gen.generateKeyPair();
        // the certificates are valid around the builtins' query clock (Calls.NOW), which verification reads
        now = Instant.ofEpochSecond(Calls.NOW / 1_000_000_000L);
        Instant from = now.minus(Duration.ofDays(1));
        Instant to = now.plus(Duration.ofDays(30));
        byte[] rootName = name("DE", "Conductor Test", "Test Root CA");
        byte[] midName = name("DE", "Conductor Test", "Test Intermediate CA");
        byte[] leafName = name(null, "Conductor Test", "api.conductor.test");
        root = cert(BigInteger.valueOf(1), rootName, rootName, from, to, rootKey, rootKey, caExtensions());
        fakeRoot = cert(BigInteger.valueOf(1), rootName, rootName, from, to, strangerKey, strangerKey, caExtensions());
        mid = cert(BigInteger.valueOf(2), rootName, midName, from, to, midKey, rootKey, caExtensions());
        leaf = cert(
                new BigInteger("123456789012345678901234567890"),
                midName,
                leafName,
                from,
                to,
                leafKey,
                midKey,
                leafExtensions());
        expiredLeaf = cert(
                BigInteger.valueOf(4),
                midName,
                leafName,
                now.minus(Duration.ofDays(20)),
                now.minus(Duration.ofDays(10)),
                leafKey,
                midKey,
                leafExtensions());
    }

    // ---- parse_certificates -----------------------------------------------------------------------------

    @Test
    void oneCertificateFromPemHasGoFieldsAndTypes() {
        ArrayValue certs = (ArrayValue) call(PARSE, s(pem(leaf)));
        assertThat(certs.size()).isEqualTo(1);
        ObjectValue c = (ObjectValue) certs.get(0);
        assertThat(path(c, "Subject", "CommonName")).isEqualTo(s("api.conductor.test"));
        assertThat(path(c, "Subject", "Organization")).isEqualTo(arr(s("Conductor Test")));
        assertThat(path(c, "Subject", "Country")).isEqualTo(NullValue.INSTANCE);
        assertThat(path(c, "Issuer", "CommonName")).isEqualTo(s("Test Intermediate CA"));
        assertThat(path(c, "Issuer", "Country")).isEqualTo(arr(s("DE")));
        assertThat(path(c, "Issuer", "Names"))
                .isEqualTo(json(
                        "[{\"Type\":[2,5,4,6],\"Value\":\"DE\"},{\"Type\":[2,5,4,10],\"Value\":\"Conductor Test\"},"
                                + "{\"Type\":[2,5,4,3],\"Value\":\"Test Intermediate CA\"}]"));
        assertThat(c.get("SerialNumber")).isEqualTo(n("123456789012345678901234567890"));
        assertThat(c.get("Version")).isEqualTo(n(3));
        assertThat(c.get("NotBefore")).isEqualTo(s(rfc3339(now.minus(Duration.ofDays(1)))));
        assertThat(c.get("NotAfter")).isEqualTo(s(rfc3339(now.plus(Duration.ofDays(30)))));
        assertThat(c.get("Raw")).isEqualTo(s(Base64.getEncoder().encodeToString(leaf)));
        assertThat(c.get("SignatureAlgorithm")).isEqualTo(n(4)); // SHA256WithRSA
        assertThat(c.get("PublicKeyAlgorithm")).isEqualTo(n(1)); // RSA
        RSAPublicKey pub = (RSAPublicKey) leafKey.getPublic();
        assertThat(path(c, "PublicKey", "N")).isEqualTo(NumberValue.of(pub.getModulus()));
        assertThat(path(c, "PublicKey", "E")).isEqualTo(n(65537));
        assertThat(c.get("DNSNames")).isEqualTo(arr(s("api.conductor.test"), s("*.api.conductor.test")));
        assertThat(c.get("IPAddresses")).isEqualTo(arr(s("10.0.0.7"), s("2001:db8::7")));
        assertThat(c.get("EmailAddresses")).isEqualTo(arr(s("ops@conductor.test")));
        assertThat(c.get("URIStrings")).isEqualTo(arr(s("spiffe://conductor.test/api")));
        assertThat(path(c, "URIs")).isInstanceOfSatisfying(ArrayValue.class, uris -> {
            ObjectValue u = (ObjectValue) uris.get(0);
            assertThat(u.get("Scheme")).isEqualTo(s("spiffe"));
            assertThat(u.get("Host")).isEqualTo(s("conductor.test"));
            assertThat(u.get("Path")).isEqualTo(s("/api"));
        });
        assertThat(c.get("KeyUsage")).isEqualTo(n(1 | 4)); // DigitalSignature | KeyEncipherment
        assertThat(c.get("ExtKeyUsage")).isEqualTo(arr(n(1))); // ServerAuth
        assertThat(c.get("IsCA")).isEqualTo(BooleanValue.FALSE);
        assertThat(c.get("BasicConstraintsValid")).isEqualTo(BooleanValue.TRUE);
        assertThat(c.get("MaxPathLen")).isEqualTo(n(-1));
        assertThat(c.get("Extensions"))
                .isInstanceOfSatisfying(
                        ArrayValue.class,
                        exts -> assertThat(exts.elements())
                                .extracting(e -> ((ObjectValue) e).get("Id"))
                                .containsExactly(
                                        json("[2,5,29,19]"),
                                        json("[2,5,29,15]"),
                                        json("[2,5,29,37]"),
                                        json("[2,5,29,17]")));
    }

    @Test
    void uriSansBecomeGoUrlFields() throws GeneralSecurityException {
        byte[] exts = seq(extension(
                new int[] {2, 5, 29, 17},
                false,
                seq(
                        tlv(0x86, ascii("https://user@svc.conductor.test:8443/a%2Fb/c?x=1&y=2#frag%20ment")),
                        tlv(0x86, ascii("urn:example:thing")))));
        byte[] n = name(null, "Conductor Test", "URI holder");
        byte[] der = cert(BigInteger.TWO, n, n, now, now.plus(Duration.ofDays(1)), rootKey, rootKey, exts);
        ObjectValue c = (ObjectValue) ((ArrayValue) call(PARSE, s(pem(der)))).get(0);
        assertThat(c.get("URIStrings"))
                .isEqualTo(arr(
                        s("https://user@svc.conductor.test:8443/a%2Fb/c?x=1&y=2#frag%20ment"), s("urn:example:thing")));
        assertThat(((ArrayValue) c.get("URIs")).get(0))
                .isEqualTo(
                        json(
                                "{\"Scheme\":\"https\",\"Opaque\":\"\",\"User\":{},"
                                        + "\"Host\":\"svc.conductor.test:8443\",\"Path\":\"/a/b/c\",\"RawPath\":\"/a%2Fb/c\",\"OmitHost\":false,"
                                        + "\"ForceQuery\":false,\"RawQuery\":\"x=1&y=2\",\"Fragment\":\"frag ment\",\"RawFragment\":\"\"}"));
        assertThat(((ArrayValue) c.get("URIs")).get(1))
                .isEqualTo(json("{\"Scheme\":\"urn\",\"Opaque\":\"example:thing\","
                        + "\"User\":null,\"Host\":\"\",\"Path\":\"\",\"RawPath\":\"\",\"OmitHost\":false,\"ForceQuery\":false,"
                        + "\"RawQuery\":\"\",\"Fragment\":\"\",\"RawFragment\":\"\"}"));
    }

    @Test
    void caCertificateHasCaFieldsAndNoSans() {
        ObjectValue c = (ObjectValue) ((ArrayValue) call(PARSE, s(pem(root)))).get(0);
        assertThat(c.get("IsCA")).isEqualTo(BooleanValue.TRUE);
        assertThat(c.get("KeyUsage")).isEqualTo(n(32 | 64)); // CertSign | CRLSign
        assertThat(c.get("DNSNames")).isEqualTo(NullValue.INSTANCE);
        assertThat(c.get("URIStrings")).isEqualTo(NullValue.INSTANCE);
        assertThat(c.get("ExtKeyUsage")).isEqualTo(NullValue.INSTANCE);
    }

    @Test
    void policyExtensionsAndNameConstraints() throws GeneralSecurityException {
        byte[] exts = seq(
                extension(
                        new int[] {2, 5, 29, 19}, true, seq(tlv(0x01, new byte[] {(byte) 0xff}), tlv(0x02, new byte[] {0
                        }))),
                extension(new int[] {2, 5, 29, 32}, false, seq(seq(oid(2, 23, 140, 1, 2, 1)))),
                extension(new int[] {2, 5, 29, 33}, false, seq(seq(oid(1, 2, 3, 4), oid(1, 2, 3, 5)))),
                extension(new int[] {2, 5, 29, 36}, false, seq(tlv(0x81, new byte[] {2}))),
                extension(new int[] {2, 5, 29, 54}, false, tlv(0x02, new byte[] {0})),
                extension(
                        new int[] {2, 5, 29, 30},
                        true,
                        seq(
                                tlv(0xa0, concat(seq(tlv(0x82, ascii("conductor.test"))), seq(tlv(0x87, new byte[] {
                                    10, 0, 0, 0, -1, 0, 0, 0
                                })))),
                                tlv(0xa1, seq(tlv(0x82, ascii("bad.conductor.test")))))),
                extension(new int[] {1, 2, 3, 4, 5}, true, tlv(0x05, new byte[0])));
        byte[] n = name(null, "Conductor Test", "Policy CA");
        byte[] der = cert(BigInteger.TEN, n, n, now, now.plus(Duration.ofDays(1)), rootKey, rootKey, exts);
        ObjectValue c = (ObjectValue) ((ArrayValue) call(PARSE, s(pem(der)))).get(0);
        assertThat(c.get("MaxPathLen")).isEqualTo(n(0));
        assertThat(c.get("MaxPathLenZero")).isEqualTo(BooleanValue.TRUE);
        assertThat(c.get("PolicyIdentifiers")).isEqualTo(json("[[2,23,140,1,2,1]]"));
        assertThat(c.get("Policies")).isEqualTo(arr(s("2.23.140.1.2.1")));
        assertThat(c.get("PolicyMappings"))
                .isEqualTo(json("[{\"IssuerDomainPolicy\":\"1.2.3.4\",\"SubjectDomainPolicy\":\"1.2.3.5\"}]"));
        assertThat(c.get("InhibitPolicyMapping")).isEqualTo(n(2));
        assertThat(c.get("InhibitPolicyMappingZero")).isEqualTo(BooleanValue.FALSE);
        assertThat(c.get("RequireExplicitPolicy")).isEqualTo(n(0));
        assertThat(c.get("RequireExplicitPolicyZero")).isEqualTo(BooleanValue.FALSE);
        assertThat(c.get("InhibitAnyPolicy")).isEqualTo(n(0));
        assertThat(c.get("InhibitAnyPolicyZero")).isEqualTo(BooleanValue.TRUE);
        assertThat(c.get("PermittedDNSDomainsCritical")).isEqualTo(BooleanValue.TRUE);
        assertThat(c.get("PermittedDNSDomains")).isEqualTo(arr(s("conductor.test")));
        assertThat(c.get("ExcludedDNSDomains")).isEqualTo(arr(s("bad.conductor.test")));
        assertThat(c.get("PermittedIPRanges")).isEqualTo(json("[{\"IP\":\"10.0.0.0\",\"Mask\":\"/wAAAA==\"}]"));
        assertThat(c.get("UnhandledCriticalExtensions")).isEqualTo(json("[[1,2,3,4,5]]"));
    }

    @Test
    void severalCertificatesKeepTheirOrderInEveryEncoding() {
        List<Value> expected = List.of(s("Test Root CA"), s("Test Intermediate CA"), s("api.conductor.test"));
        String pemChain = pem(root) + pem(mid) + pem(leaf);
        String b64Pem = Base64.getEncoder().encodeToString(pemChain.getBytes(StandardCharsets.US_ASCII));
        String b64Der = Base64.getEncoder().encodeToString(concat(root, mid, leaf));
        String crlfPem = pemChain.replace("\n", "\r\n");
        for (String input : List.of(pemChain, b64Pem, b64Der, crlfPem)) {
            ArrayValue certs = (ArrayValue) call(PARSE, s(input));
            List<Value> names = new ArrayList<>();
            certs.elements().forEach(c -> names.add(path((ObjectValue) c, "Subject", "CommonName")));
            assertThat(names).as(input.substring(0, 20)).isEqualTo(expected);
        }
    }

    @Test
    void singleDerCertificateInBase64() {
        ArrayValue certs = (ArrayValue) call(PARSE, s(Base64.getEncoder().encodeToString(mid)));
        assertThat(path((ObjectValue) certs.get(0), "Subject", "CommonName")).isEqualTo(s("Test Intermediate CA"));
    }

    @Test
    void garbageIsABuiltinError() {
        BuiltinException notDer = error(PARSE, s(Base64.getEncoder().encodeToString("not a certificate".getBytes())));
        assertThat(notDer.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
        assertThat(notDer.getMessage()).contains("x509: malformed certificate");
        assertThat(error(PARSE, s("%%% not base64 %%%")).code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
        assertThat(error(PARSE, s("aGV^bG8=")).getMessage()).isEqualTo(PARSE + ": illegal base64 data at input byte 3");
        byte[] truncated = java.util.Arrays.copyOf(leaf, leaf.length - 10);
        assertThat(error(PARSE, s(Base64.getEncoder().encodeToString(truncated)))
                        .getMessage())
                .contains("x509: malformed certificate");
        String keyBlock = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(leafKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertThat(error(PARSE, s(keyBlock)).getMessage()).contains("PEM block type is 'PRIVATE KEY'");
        assertThat(error(PARSE, n(1)).code()).isEqualTo(BuiltinException.TYPE_ERROR);
    }

    // ---- parse_and_verify_certificates ------------------------------------------------------------------

    @Test
    void aGoodChainVerifiesAndComesBackLeafFirst() {
        for (String input : List.of(
                pem(root) + pem(mid) + pem(leaf), Base64.getEncoder().encodeToString(concat(root, mid, leaf)))) {
            ArrayValue result = (ArrayValue) call(VERIFY, s(input));
            assertThat(result.get(0)).isEqualTo(BooleanValue.TRUE);
            assertThat(commonNames((ArrayValue) result.get(1)))
                    .containsExactly("api.conductor.test", "Test Intermediate CA", "Test Root CA");
            assertThat(((ObjectValue) ((ArrayValue) result.get(1)).get(0)).get("URIStrings"))
                    .isEqualTo(arr(s("spiffe://conductor.test/api")));
        }
    }

    @Test
    void badChainsDoNotVerify() {
        Value failed = arr(BooleanValue.FALSE, ArrayValue.EMPTY);
        assertThat(call(VERIFY, s(pem(fakeRoot) + pem(mid) + pem(leaf))))
                .as("wrong root")
                .isEqualTo(failed);
        assertThat(call(VERIFY, s(pem(root) + pem(leaf))))
                .as("missing intermediate")
                .isEqualTo(failed);
        assertThat(call(VERIFY, s(pem(root) + pem(mid) + pem(expiredLeaf))))
                .as("expired leaf")
                .isEqualTo(failed);
        assertThat(call(VERIFY, s(pem(leaf)))).as("one certificate").isEqualTo(failed);
        assertThat(call(VERIFY, s("garbage!"))).as("garbage").isEqualTo(failed);
        assertThat(call(VERIFY, s(pem(leaf) + pem(mid) + pem(root))))
                .as("reversed")
                .isEqualTo(failed);
    }

    @Test
    void verificationWithoutCurrentTimeUsesTheQueryClock() {
        String chain = pem(root) + pem(mid) + pem(leaf);
        long tooLate = now.plus(Duration.ofDays(60)).getEpochSecond() * 1_000_000_000L;
        BuiltinContext late = new BuiltinContext(tooLate, Map.of(), line -> {});
        assertThat(call(late, VERIFY, s(chain))).isEqualTo(arr(BooleanValue.FALSE, ArrayValue.EMPTY));
        assertThat(late.isPure()).as("the result depends on the clock").isFalse();
        BuiltinContext fixed = new BuiltinContext(tooLate, Map.of(), line -> {});
        long inside = now.plus(Duration.ofDays(2)).getEpochSecond() * 1_000_000_000L;
        assertThat(((ArrayValue) call(fixed, VERIFY_OPTS, s(chain), json("{\"CurrentTime\":" + inside + "}"))).get(0))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(fixed.isPure()).as("CurrentTime given: no clock read").isTrue();
    }

    @Test
    void optionsSetNameTimeAndUsages() {
        String chain = pem(root) + pem(mid) + pem(leaf);
        Value failed = arr(BooleanValue.FALSE, ArrayValue.EMPTY);
        assertThat(((ArrayValue) call(VERIFY_OPTS, s(chain), json("{\"DNSName\":\"x.api.conductor.test\"}"))).get(0))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call(VERIFY_OPTS, s(chain), json("{\"DNSName\":\"other.test\"}")))
                .isEqualTo(failed);
        for (String ip : List.of("10.0.0.7", "2001:db8::7", "[2001:db8:0::7]")) {
            assertThat(((ArrayValue) call(VERIFY_OPTS, s(chain), json("{\"DNSName\":\"" + ip + "\"}"))).get(0))
                    .as(ip)
                    .isEqualTo(BooleanValue.TRUE);
        }
        assertThat(call(VERIFY_OPTS, s(chain), json("{\"DNSName\":\"10.0.0.8\"}")))
                .isEqualTo(failed);
        assertThat(call(VERIFY_OPTS, s(chain), json("{\"DNSName\":\"a.b.api.conductor.test\"}")))
                .isEqualTo(failed);
        long tooLate = now.plus(Duration.ofDays(60)).getEpochSecond() * 1_000_000_000L;
        assertThat(call(VERIFY_OPTS, s(chain), json("{\"CurrentTime\":" + tooLate + "}")))
                .isEqualTo(failed);
        long inside = now.plus(Duration.ofDays(2)).getEpochSecond() * 1_000_000_000L;
        assertThat(((ArrayValue) call(VERIFY_OPTS, s(chain), json("{\"CurrentTime\":" + inside + "}"))).get(0))
                .isEqualTo(BooleanValue.TRUE);
        // the leaf only allows server auth; the default (server auth) and "any" pass, client auth does not
        assertThat(call(VERIFY_OPTS, s(chain), json("{\"KeyUsages\":[\"KeyUsageClientAuth\"]}")))
                .isEqualTo(failed);
        assertThat(((ArrayValue) call(VERIFY_OPTS, s(chain), json("{\"KeyUsages\":[\"KeyUsageAny\"]}"))).get(0))
                .isEqualTo(BooleanValue.TRUE);
        ArrayValue ok = (ArrayValue) call(VERIFY_OPTS, s(chain), ObjectValue.EMPTY);
        assertThat(((ObjectValue) ((ArrayValue) ok.get(1)).get(0)).get("URIStrings"))
                .isNull(); // not extended
        assertThat(error(VERIFY_OPTS, s(chain), json("{\"Bogus\":1}")).getMessage())
                .contains("invalid key option");
        assertThat(error(VERIFY_OPTS, s(chain), json("{\"KeyUsages\":[\"Nope\"]}"))
                        .getMessage())
                .contains("invalid entries for 'KeyUsages' found: [Nope]");
        assertThat(error(VERIFY_OPTS, s(chain), json("{\"DNSName\":1}")).getMessage())
                .contains("'DNSName' should be a string");
    }

    // ---- certificate requests and keys ------------------------------------------------------------------

    @Test
    void certificateRequestInPemAndBase64Der() throws GeneralSecurityException {
        byte[] info = seq(
                tlv(0x02, new byte[] {0}),
                name(null, "Conductor Test", "csr.conductor.test"),
                leafKey.getPublic().getEncoded(),
                tlv(
                        0xa0,
                        seq(
                                oid(1, 2, 840, 113549, 1, 9, 14),
                                tlv(
                                        0x31,
                                        seq(extension(
                                                new int[] {2, 5, 29, 17},
                                                false,
                                                seq(tlv(0x82, ascii("csr.conductor.test")))))))));
        byte[] csr = seq(info, seq(oid(1, 2, 840, 113549, 1, 1, 11), new byte[] {5, 0}), bits(sign(leafKey, info)));
        String pemCsr = pem("CERTIFICATE REQUEST", csr);
        for (String input : List.of(pemCsr, Base64.getEncoder().encodeToString(csr))) {
            ObjectValue r = (ObjectValue) call("crypto.x509.parse_certificate_request", s(input));
            assertThat(path(r, "Subject", "CommonName")).isEqualTo(s("csr.conductor.test"));
            assertThat(r.get("DNSNames")).isEqualTo(arr(s("csr.conductor.test")));
            assertThat(r.get("SignatureAlgorithm")).isEqualTo(n(4));
            assertThat(r.get("PublicKeyAlgorithm")).isEqualTo(n(1));
            assertThat(r.get("Version")).isEqualTo(n(0));
        }
        // text that is not a request PEM is read as base64 (OPA's rule): a certificate PEM fails that, its base64 is
        // a PEM block of the wrong type
        assertThat(error("crypto.x509.parse_certificate_request", s(pem(leaf))).getMessage())
                .contains("base64");
        String b64CertPem = Base64.getEncoder().encodeToString(pem(leaf).getBytes(StandardCharsets.US_ASCII));
        assertThat(error("crypto.x509.parse_certificate_request", s(b64CertPem)).getMessage())
                .contains("invalid PEM-encoded certificate signing request");
        assertThat(error("crypto.x509.parse_certificate_request", s("Z2FyYmFnZQ=="))
                        .code())
                .isEqualTo(BuiltinException.BUILTIN_ERROR);
    }

    @Test
    void rsaPrivateKeyBecomesAJwk() {
        byte[] pkcs8 = leafKey.getPrivate().getEncoded();
        byte[] pkcs1 = Der.parse(pkcs8).children().get(2).content();
        RSAPublicKey pub = (RSAPublicKey) leafKey.getPublic();
        String n = Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned(pub.getModulus()));
        String pemPkcs8 = pem("PRIVATE KEY", pkcs8);
        for (String input : List.of(
                pemPkcs8,
                pem("RSA PRIVATE KEY", pkcs1),
                Base64.getEncoder().encodeToString(pemPkcs8.getBytes(StandardCharsets.US_ASCII)))) {
            ObjectValue jwk = (ObjectValue) call("crypto.x509.parse_rsa_private_key", s(input));
            assertThat(jwk.get("kty")).isEqualTo(s("RSA"));
            assertThat(jwk.get("n")).isEqualTo(s(n));
            assertThat(jwk.get("e")).isEqualTo(s("AQAB"));
            assertThat(jwk.get("d")).isInstanceOf(StringValue.class);
            assertThat(jwk.get("p")).isInstanceOf(StringValue.class);
        }
        assertThat(call("crypto.x509.parse_rsa_private_key", s(pem(leaf)))).isEqualTo(NullValue.INSTANCE);
        assertThat(error("crypto.x509.parse_rsa_private_key", s("")).getMessage())
                .contains("input PEM data was empty");
    }

    @Test
    void ecPrivateKeyJwkCarriesItsPublicPoint() throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        KeyPair ec = gen.generateKeyPair();
        java.security.interfaces.ECPublicKey pub = (java.security.interfaces.ECPublicKey) ec.getPublic();
        ObjectValue jwk = (ObjectValue) call(
                "crypto.x509.parse_rsa_private_key",
                s(pem("PRIVATE KEY", ec.getPrivate().getEncoded())));
        assertThat(jwk.get("kty")).isEqualTo(s("EC"));
        assertThat(jwk.get("crv")).isEqualTo(s("P-256"));
        assertThat(jwk.get("x"))
                .isEqualTo(s(Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(fixed(pub.getW().getAffineX(), 32))));
        assertThat(jwk.get("y"))
                .isEqualTo(s(Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(fixed(pub.getW().getAffineY(), 32))));
    }

    @Test
    void keyPairOfCertificateAndMatchingKey() {
        String keyPem = pem("PRIVATE KEY", leafKey.getPrivate().getEncoded());
        String b64Der = Base64.getEncoder().encodeToString(leafKey.getPrivate().getEncoded());
        for (String[] input : List.of(
                new String[] {pem(leaf) + pem(mid), keyPem},
                new String[] {Base64.getEncoder().encodeToString(leaf), b64Der})) {
            ObjectValue pair = (ObjectValue) call("crypto.x509.parse_keypair", s(input[0]), s(input[1]));
            ArrayValue certs = (ArrayValue) pair.get("Certificate");
            assertThat(certs.get(0)).isEqualTo(s(Base64.getEncoder().encodeToString(leaf)));
            assertThat(path(pair, "Leaf", "Subject", "CommonName")).isEqualTo(s("api.conductor.test"));
            assertThat(((ObjectValue) pair.get("Leaf")).get("URIStrings")).isNull();
            RSAPublicKey pub = (RSAPublicKey) leafKey.getPublic();
            assertThat(path(pair, "PrivateKey", "N")).isEqualTo(NumberValue.of(pub.getModulus()));
            assertThat(path(pair, "PrivateKey", "Primes"))
                    .isInstanceOfSatisfying(
                            ArrayValue.class,
                            primes -> assertThat(primes.size()).isEqualTo(2));
            assertThat(path(pair, "PrivateKey", "Precomputed", "CRTValues")).isEqualTo(ArrayValue.EMPTY);
            assertThat(pair.get("OCSPStaple")).isEqualTo(NullValue.INSTANCE);
        }
        assertThat(((ArrayValue) ((ObjectValue) call("crypto.x509.parse_keypair", s(pem(leaf) + pem(mid)), s(keyPem)))
                                .get("Certificate"))
                        .size())
                .isEqualTo(2);
        String otherKey = pem("PRIVATE KEY", strangerKey.getPrivate().getEncoded());
        assertThat(error("crypto.x509.parse_keypair", s(pem(leaf)), s(otherKey)).getMessage())
                .contains("private key does not match public key");
        assertThat(error("crypto.x509.parse_keypair", s(pem(leaf)), s(pem(leaf)))
                        .getMessage())
                .contains("found a certificate rather than a key");
        assertThat(error("crypto.x509.parse_keypair", s(keyPem), s(keyPem)).getMessage())
                .contains(
                        "failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks of the"
                                + " following types: [PRIVATE KEY]");
    }

    // ---- helpers: names, extensions, certificates ---------------------------------------------------------

    private static List<String> commonNames(ArrayValue certs) {
        List<String> out = new ArrayList<>();
        certs.elements().forEach(c -> out.add(((StringValue) path((ObjectValue) c, "Subject", "CommonName")).value()));
        return out;
    }

    private static Value path(ObjectValue o, String... keys) {
        Value v = o;
        for (String k : keys) v = ((ObjectValue) v).get(k);
        return v;
    }

    private static String rfc3339(Instant t) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(t);
    }

    private static byte[] caExtensions() {
        return seq(
                extension(new int[] {2, 5, 29, 19}, true, seq(tlv(0x01, new byte[] {(byte) 0xff}))),
                extension(new int[] {2, 5, 29, 15}, true, tlv(0x03, new byte[] {1, 0x06})));
    }

    private static byte[] leafExtensions() {
        return seq(
                extension(new int[] {2, 5, 29, 19}, true, seq()),
                extension(new int[] {2, 5, 29, 15}, true, tlv(0x03, new byte[] {5, (byte) 0xa0})),
                extension(new int[] {2, 5, 29, 37}, false, seq(oid(1, 3, 6, 1, 5, 5, 7, 3, 1))),
                extension(
                        new int[] {2, 5, 29, 17},
                        false,
                        seq(
                                tlv(0x82, ascii("api.conductor.test")),
                                tlv(0x82, ascii("*.api.conductor.test")),
                                tlv(0x87, new byte[] {10, 0, 0, 7}),
                                tlv(0x87, new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7
                                }),
                                tlv(0x81, ascii("ops@conductor.test")),
                                tlv(0x86, ascii("spiffe://conductor.test/api")))));
    }

    private static byte[] extension(int[] id, boolean critical, byte[] value) {
        return critical
                ? seq(oid(id), tlv(0x01, new byte[] {(byte) 0xff}), tlv(0x04, value))
                : seq(oid(id), tlv(0x04, value));
    }

    private static byte[] name(String country, String org, String cn) {
        List<byte[]> rdns = new ArrayList<>();
        if (country != null) rdns.add(tlv(0x31, seq(oid(2, 5, 4, 6), tlv(0x13, ascii(country)))));
        rdns.add(tlv(0x31, seq(oid(2, 5, 4, 10), tlv(0x0c, org.getBytes(StandardCharsets.UTF_8)))));
        rdns.add(tlv(0x31, seq(oid(2, 5, 4, 3), tlv(0x0c, cn.getBytes(StandardCharsets.UTF_8)))));
        return seq(rdns.toArray(new byte[0][]));
    }

    private static byte[] cert(
            BigInteger serial,
            byte[] issuer,
            byte[] subject,
            Instant from,
            Instant to,
            KeyPair subjectKey,
            KeyPair issuerKey,
            byte[] extensions)
            throws GeneralSecurityException {
        byte[] sigAlg = seq(oid(1, 2, 840, 113549, 1, 1, 11), new byte[] {5, 0});
        byte[] tbs = seq(
                tlv(0xa0, tlv(0x02, new byte[] {2})),
                tlv(0x02, serial.toByteArray()),
                sigAlg,
                issuer,
                seq(utcTime(from), utcTime(to)),
                subject,
                subjectKey.getPublic().getEncoded(),
                tlv(0xa3, extensions));
        return seq(tbs, sigAlg, bits(sign(issuerKey, tbs)));
    }

    private static byte[] sign(KeyPair key, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key.getPrivate());
        s.update(data);
        return s.sign();
    }

    private static byte[] utcTime(Instant t) {
        return tlv(
                0x17,
                ascii(DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
                        .withZone(ZoneOffset.UTC)
                        .format(t)));
    }

    private static byte[] bits(byte[] b) {
        return tlv(0x03, concat(new byte[] {0}, b));
    }

    private static byte[] oid(int... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int v = arcs[i];
            int shift = 28;
            while (shift > 0 && (v >>> shift) == 0) shift -= 7;
            for (; shift > 0; shift -= 7) out.write(0x80 | ((v >>> shift) & 0x7f));
            out.write(v & 0x7f);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = content.length;
        if (len < 128) {
            out.write(len);
        } else if (len < 256) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] unsigned(BigInteger i) {
        byte[] b = i.toByteArray();
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] fixed(BigInteger i, int len) {
        byte[] b = unsigned(i);
        byte[] out = new byte[len];
        System.arraycopy(b, 0, out, len - b.length, b.length);
        return out;
    }

    private static String pem(byte[] der) {
        return pem("CERTIFICATE", der);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
