package io.maestro.conductor.policy.rego.builtins;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Certificate requests and private keys for the {@code crypto.x509.*} builtins. */
final class X509Keys {
    private static final Map<String, String> KEY_ALGORITHMS = Map.of(
            "1.2.840.113549.1.1.1",
            "RSA",
            "1.2.840.10045.2.1",
            "EC",
            "1.3.101.112",
            "Ed25519",
            "1.2.840.10040.4.1",
            "DSA");
    private static final byte[] RSA_ALGORITHM = Der.encode(
            0x30,
            Der.encode(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01}),
            new byte[] {0x05, 0x00});
    private static final byte[] EC_ALGORITHM_OID =
            Der.encode(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01});

    private X509Keys() {}

    /** OPA's {@code crypto.x509.parse_certificate_request}: PEM, or base64 of PEM or DER. */
    static Value certificateRequest(String name, String input) {
        byte[] data = input.startsWith("-----BEGIN CERTIFICATE REQUEST-----")
                ? input.getBytes(StandardCharsets.UTF_8)
                : X509Builtins.base64(name, input);
        List<Pem.Block> blocks = Pem.decodeAll(data);
        if (!blocks.isEmpty()) {
            if (!"CERTIFICATE REQUEST".equals(blocks.get(0).type())) {
                throw BuiltinException.failed(name, "invalid PEM-encoded certificate signing request");
            }
            data = blocks.get(0).bytes();
        }
        try {
            Der.Element request = Der.parse(data);
            List<Der.Element> info = request.children().get(0).children();
            Der.Element spki = info.get(2);
            String oid = spki.children().get(0).children().get(0).oid();
            PublicKey key = null;
            String algorithm = KEY_ALGORITHMS.get(oid);
            if (algorithm != null) {
                key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki.raw()));
            }
            return X509Json.certificateRequest(data, key);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw BuiltinException.failed(name, "x509: malformed certificate request");
        }
    }

    /**
     * OPA's {@code crypto.x509.parse_rsa_private_key}: the first private key (PKCS #1, PKCS #8 or SEC 1 PEM
     * block, the text optionally base64 encoded) as a JWK object; null when the text holds no key block.
     */
    static Value rsaPrivateKeyJwk(String name, String input) {
        if (input.isEmpty()) throw BuiltinException.failed(name, "input PEM data was empty");
        String text = input;
        if (!text.startsWith("-----BEGIN")) {
            text = new String(X509Builtins.base64(name, text), StandardCharsets.ISO_8859_1);
        }
        List<PrivateKey> keys = privateKeys(name, text.getBytes(StandardCharsets.ISO_8859_1));
        if (keys.isEmpty()) return NullValue.INSTANCE;
        return Values.fromJson(jwk(name, keys.get(0)).toJSONString());
    }

    /**
     * OPA's {@code crypto.parse_private_keys}: every private key (PKCS #1, PKCS #8 or SEC 1 PEM block; other blocks
     * skipped) of the text, or of its base64 decoding when it is base64, as Go's key JSON; null for "".
     */
    static Value parsePrivateKeys(String name, String input) {
        if (input.isEmpty()) return NullValue.INSTANCE;
        byte[] data;
        try {
            data = X509Builtins.base64(name, input);
        } catch (BuiltinException notBase64) {
            data = input.getBytes(StandardCharsets.UTF_8);
        }
        List<Value> out = new ArrayList<>();
        for (PrivateKey key : privateKeys(name, data)) out.add(goPrivateKeyJson(name, key));
        return new ArrayValue(out);
    }

    /** The private keys of the PEM blocks of {@code data}; blocks of other types are skipped. */
    static List<PrivateKey> privateKeys(String name, byte[] data) {
        List<PrivateKey> keys = new ArrayList<>();
        for (Pem.Block block : Pem.decodeAll(data)) {
            try {
                switch (block.type()) {
                    case "RSA PRIVATE KEY" -> keys.add(pkcs1(block.bytes()));
                    case "PRIVATE KEY" -> keys.add(pkcs8(block.bytes()));
                    case "EC PRIVATE KEY" -> keys.add(sec1(block.bytes()));
                    default -> {}
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                throw BuiltinException.failed(name, "x509: failed to parse private key (" + block.type() + ")");
            }
        }
        return keys;
    }

    /**
     * OPA's {@code crypto.x509.parse_keypair}: Go's {@code tls.Certificate} for a certificate (chain) and its
     * private key, each PEM, base64 PEM or base64 DER; the key must match the first certificate's public key.
     */
    static Value keyPair(String name, String certText, String keyText) {
        byte[] certPem = pemOrWrapped(name, certText, "CERTIFICATE");
        byte[] keyPem = pemOrWrapped(name, keyText, "PRIVATE KEY");
        List<Value> ders = new ArrayList<>();
        List<byte[]> certDers = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Pem.Block b : Pem.decodeAll(certPem)) {
            if ("CERTIFICATE".equals(b.type())) {
                certDers.add(b.bytes());
                ders.add(X509Json.bytes(b.bytes()));
            } else {
                skipped.add(b.type());
            }
        }
        if (certDers.isEmpty()) {
            throw BuiltinException.failed(
                    name,
                    skipped.isEmpty()
                            ? "tls: failed to find any PEM data in certificate input"
                            : "tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks of the"
                                    + " following types: [" + String.join(" ", skipped) + "]");
        }
        byte[] keyDer = null;
        skipped.clear();
        for (Pem.Block b : Pem.decodeAll(keyPem)) {
            if (b.type().equals("PRIVATE KEY") || b.type().endsWith(" PRIVATE KEY")) {
                keyDer = b.bytes();
                break;
            }
            skipped.add(b.type());
        }
        if (keyDer == null) {
            String why = skipped.isEmpty()
                    ? "tls: failed to find any PEM data in key input"
                    : skipped.contains("CERTIFICATE")
                            ? "tls: found a certificate rather than a key in the PEM for the private key"
                            : "tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM blocks"
                                    + " of the following types: [" + String.join(" ", skipped) + "]";
            throw BuiltinException.failed(name, why);
        }
        java.security.cert.X509Certificate leaf;
        try {
            leaf = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(certDers.get(0)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw BuiltinException.failed(name, "x509: malformed certificate");
        }
        PrivateKey key = anyPrivateKey(keyDer);
        if (key == null) throw BuiltinException.failed(name, "tls: failed to parse private key");
        Value privateJson = goPrivateKey(name, key, leaf.getPublicKey());
        ObjectValue leafJson;
        try {
            leafJson = X509Json.certificate(leaf, false);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw BuiltinException.failed(name, "x509: malformed certificate");
        }
        Map<String, Value> out = new java.util.HashMap<>();
        out.put("Certificate", new ArrayValue(ders));
        out.put("PrivateKey", privateJson);
        out.put("Leaf", leafJson);
        out.put("SupportedSignatureAlgorithms", NullValue.INSTANCE);
        out.put("OCSPStaple", NullValue.INSTANCE);
        out.put("SignedCertificateTimestamps", NullValue.INSTANCE);
        return X509Json.object(out);
    }

    /** OPA's preparation: base64-decode text that is not PEM, and wrap what is then still not PEM as a block. */
    private static byte[] pemOrWrapped(String name, String text, String type) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        if (!X509Builtins.startsWith(data, "-----BEGIN ")) data = X509Builtins.base64(name, text);
        if (!X509Builtins.startsWith(data, "-----BEGIN")) {
            String body = java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(data);
            data = ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        return data;
    }

    /** Go's {@code tls} key parsing: PKCS #1, then PKCS #8, then SEC 1; null when none fits. */
    private static PrivateKey anyPrivateKey(byte[] der) {
        try {
            return pkcs1(der);
        } catch (GeneralSecurityException | RuntimeException e) {
            // next form
        }
        try {
            return pkcs8(der);
        } catch (GeneralSecurityException | RuntimeException e) {
            // next form
        }
        try {
            return sec1(der);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** Go's JSON of {@code *rsa.PrivateKey} / {@code *ecdsa.PrivateKey}, after checking it matches {@code pub}. */
    private static Value goPrivateKey(String name, PrivateKey key, PublicKey pub) {
        if (key instanceof RSAPrivateCrtKey rsa && pub instanceof java.security.interfaces.RSAPublicKey rpub) {
            if (!rsa.getModulus().equals(rpub.getModulus())
                    || !rsa.getPublicExponent().equals(rpub.getPublicExponent())) {
                throw BuiltinException.failed(name, "tls: private key does not match public key");
            }
            return goPrivateKeyJson(name, key);
        }
        if (key instanceof ECPrivateKey ec && pub instanceof ECPublicKey epub) {
            if (!multiply(ec.getParams(), ec.getS()).equals(epub.getW())) {
                throw BuiltinException.failed(name, "tls: private key does not match public key");
            }
            return goPrivateKeyJson(name, key);
        }
        if (key instanceof RSAPrivateCrtKey || key instanceof ECPrivateKey) {
            throw BuiltinException.failed(name, "tls: private key type does not match public key type");
        }
        throw BuiltinException.failed(name, "unsupported private key type " + key.getAlgorithm());
    }

    /**
     * Go's JSON of a parsed private key: {@code *rsa.PrivateKey} (N, E, D, Primes, Precomputed), {@code
     * *ecdsa.PrivateKey} (Curve as Go's {@code {}}, X, Y, D) or {@code ed25519.PrivateKey} (base64 of seed and public
     * key); any other kind is an error, as Go's parsers reject it.
     */
    static Value goPrivateKeyJson(String name, PrivateKey key) {
        if (key instanceof RSAPrivateCrtKey rsa) {
            Map<String, Value> pre = Map.of(
                    "Dp",
                    NumberValue.of(rsa.getPrimeExponentP()),
                    "Dq",
                    NumberValue.of(rsa.getPrimeExponentQ()),
                    "Qinv",
                    NumberValue.of(rsa.getCrtCoefficient()),
                    "CRTValues",
                    ArrayValue.EMPTY);
            return X509Json.object(Map.of(
                    "N",
                    NumberValue.of(rsa.getModulus()),
                    "E",
                    NumberValue.of(rsa.getPublicExponent()),
                    "D",
                    NumberValue.of(rsa.getPrivateExponent()),
                    "Primes",
                    ArrayValue.of(NumberValue.of(rsa.getPrimeP()), NumberValue.of(rsa.getPrimeQ())),
                    "Precomputed",
                    X509Json.object(pre)));
        }
        if (key instanceof ECPrivateKey ec) {
            ECPoint w = multiply(ec.getParams(), ec.getS());
            return X509Json.object(Map.of(
                    "Curve",
                    ObjectValue.EMPTY,
                    "X",
                    NumberValue.of(w.getAffineX()),
                    "Y",
                    NumberValue.of(w.getAffineY()),
                    "D",
                    NumberValue.of(ec.getS())));
        }
        if (key instanceof java.security.interfaces.EdECPrivateKey ed
                && "Ed25519".equals(ed.getParams().getName())) {
            byte[] seed =
                    ed.getBytes().orElseThrow(() -> BuiltinException.failed(name, "Ed25519 key without its seed"));
            byte[] pub = ed25519Public(name, seed);
            byte[] both = java.util.Arrays.copyOf(seed, seed.length + pub.length);
            System.arraycopy(pub, 0, both, seed.length, pub.length);
            return io.maestro.conductor.policy.rego.value.StringValue.of(
                    java.util.Base64.getEncoder().encodeToString(both));
        }
        throw BuiltinException.failed(name, "x509: PKCS#8 wrapping contained private key with unknown algorithm");
    }

    /** The 32-byte public key of an Ed25519 seed: the JDK's generator, fed the seed as its only random bytes. */
    private static byte[] ed25519Public(String name, byte[] seed) {
        java.security.SecureRandom fixed = new java.security.SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        };
        try {
            java.security.KeyPairGenerator gen = java.security.KeyPairGenerator.getInstance("Ed25519");
            gen.initialize(java.security.spec.NamedParameterSpec.ED25519, fixed);
            byte[] spki = gen.generateKeyPair().getPublic().getEncoded();
            return java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        } catch (GeneralSecurityException e) {
            throw BuiltinException.failed(name, "Ed25519: " + e.getMessage());
        }
    }

    private static PrivateKey pkcs1(byte[] der) throws GeneralSecurityException {
        Der.parse(der); // a structural check before the JDK sees it
        byte[] pkcs8 = Der.encode(0x30, Der.encode(0x02, new byte[] {0}), RSA_ALGORITHM, Der.encode(0x04, der));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        List<Der.Element> parts = Der.parse(der).children();
        String oid = parts.get(1).children().get(0).oid();
        String algorithm = KEY_ALGORITHMS.get(oid);
        if (algorithm == null) throw new GeneralSecurityException("unknown private key algorithm " + oid);
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** SEC 1 {@code ECPrivateKey} (its curve given inside) wrapped as PKCS #8 for the JDK. */
    private static PrivateKey sec1(byte[] der) throws GeneralSecurityException {
        List<Der.Element> parts = Der.parse(der).children();
        byte[] curve = null;
        for (Der.Element p : parts) {
            if (p.context() == 0) curve = p.content();
        }
        if (curve == null) throw new GeneralSecurityException("EC private key without curve");
        byte[] pkcs8 = Der.encode(
                0x30,
                Der.encode(0x02, new byte[] {0}),
                Der.encode(0x30, EC_ALGORITHM_OID, curve),
                Der.encode(0x04, der));
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static JWK jwk(String name, PrivateKey key) {
        try {
            if (key instanceof RSAPrivateCrtKey rsa) {
                PublicKey pub = KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
                return new RSAKey.Builder((java.security.interfaces.RSAPublicKey) pub)
                        .privateKey(rsa)
                        .build();
            }
            if (key instanceof ECPrivateKey ec) {
                Curve curve = Curve.forECParameterSpec(ec.getParams());
                if (curve == null) throw BuiltinException.failed(name, "unsupported elliptic curve");
                ECPoint w = multiply(ec.getParams(), ec.getS());
                ECPublicKey pub = (ECPublicKey)
                        KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, ec.getParams()));
                return new ECKey.Builder(curve, pub).privateKey(ec).build();
            }
        } catch (GeneralSecurityException e) {
            throw BuiltinException.failed(name, "failed to build a JWK: " + e.getMessage());
        }
        throw BuiltinException.failed(name, "unsupported private key type " + key.getAlgorithm());
    }

    /** {@code s·G} on a prime curve (affine double-and-add), for the public point a private key omits. */
    private static ECPoint multiply(java.security.spec.ECParameterSpec params, BigInteger s) {
        java.security.spec.ECFieldFp field =
                (java.security.spec.ECFieldFp) params.getCurve().getField();
        BigInteger p = field.getP();
        BigInteger a = params.getCurve().getA();
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = params.getGenerator();
        for (int i = 0; i < s.bitLength(); i++) {
            if (s.testBit(i)) result = add(result, addend, p, a);
            addend = add(addend, addend, p, a);
        }
        return result;
    }

    private static ECPoint add(ECPoint u, ECPoint v, BigInteger p, BigInteger a) {
        if (u.equals(ECPoint.POINT_INFINITY)) return v;
        if (v.equals(ECPoint.POINT_INFINITY)) return u;
        BigInteger x1 = u.getAffineX();
        BigInteger y1 = u.getAffineY();
        BigInteger x2 = v.getAffineX();
        BigInteger y2 = v.getAffineY();
        BigInteger lambda;
        if (x1.equals(x2)) {
            if (!y1.equals(y2) || y1.signum() == 0) return ECPoint.POINT_INFINITY;
            lambda = x1.pow(2)
                    .multiply(BigInteger.valueOf(3))
                    .add(a)
                    .multiply(y1.shiftLeft(1).modInverse(p))
                    .mod(p);
        } else {
            lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
        }
        BigInteger x3 = lambda.pow(2).subtract(x1).subtract(x2).mod(p);
        BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(p);
        return new ECPoint(x3, y3);
    }
}
