package io.maestro.conductor.policy.rego.builtins;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.maestro.conductor.policy.rego.value.NullValue;
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
      "1.2.840.113549.1.1.1", "RSA", "1.2.840.10045.2.1", "EC", "1.3.101.112", "Ed25519", "1.2.840.10040.4.1", "DSA");
  private static final byte[] RSA_ALGORITHM = Der.encode(0x30,
      Der.encode(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01}),
      new byte[] {0x05, 0x00});
  private static final byte[] EC_ALGORITHM_OID =
      Der.encode(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01});

  private X509Keys() {}

  /** OPA's {@code crypto.x509.parse_certificate_request}: PEM, or base64 of PEM or DER. */
  static Value certificateRequest(String name, String input) {
    byte[] data = input.startsWith("-----BEGIN CERTIFICATE REQUEST-----")
        ? input.getBytes(StandardCharsets.UTF_8) : X509Builtins.base64(name, input);
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

  /** The private keys of the PEM blocks of {@code data}; blocks of other types are skipped. */
  static List<PrivateKey> privateKeys(String name, byte[] data) {
    List<PrivateKey> keys = new ArrayList<>();
    for (Pem.Block block : Pem.decodeAll(data)) {
      try {
        switch (block.type()) {
          case "RSA PRIVATE KEY" -> keys.add(pkcs1(block.bytes()));
          case "PRIVATE KEY" -> keys.add(pkcs8(block.bytes()));
          case "EC PRIVATE KEY" -> keys.add(sec1(block.bytes()));
          default -> { }
        }
      } catch (GeneralSecurityException | RuntimeException e) {
        throw BuiltinException.failed(name, "x509: failed to parse private key (" + block.type() + ")");
      }
    }
    return keys;
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
    byte[] pkcs8 = Der.encode(0x30, Der.encode(0x02, new byte[] {0}), Der.encode(0x30, EC_ALGORITHM_OID, curve),
        Der.encode(0x04, der));
    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }

  private static JWK jwk(String name, PrivateKey key) {
    try {
      if (key instanceof RSAPrivateCrtKey rsa) {
        PublicKey pub = KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        return new RSAKey.Builder((java.security.interfaces.RSAPublicKey) pub).privateKey(rsa).build();
      }
      if (key instanceof ECPrivateKey ec) {
        Curve curve = Curve.forECParameterSpec(ec.getParams());
        if (curve == null) throw BuiltinException.failed(name, "unsupported elliptic curve");
        ECPoint w = multiply(ec.getParams(), ec.getS());
        ECPublicKey pub = (ECPublicKey) KeyFactory.getInstance("EC")
            .generatePublic(new ECPublicKeySpec(w, ec.getParams()));
        return new ECKey.Builder(curve, pub).privateKey(ec).build();
      }
    } catch (GeneralSecurityException e) {
      throw BuiltinException.failed(name, "failed to build a JWK: " + e.getMessage());
    }
    throw BuiltinException.failed(name, "unsupported private key type " + key.getAlgorithm());
  }

  /** {@code s·G} on a prime curve (affine double-and-add), for the public point a private key omits. */
  private static ECPoint multiply(java.security.spec.ECParameterSpec params, BigInteger s) {
    java.security.spec.ECFieldFp field = (java.security.spec.ECFieldFp) params.getCurve().getField();
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
      lambda = x1.pow(2).multiply(BigInteger.valueOf(3)).add(a).multiply(y1.shiftLeft(1).modInverse(p)).mod(p);
    } else {
      lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
    }
    BigInteger x3 = lambda.pow(2).subtract(x1).subtract(x2).mod(p);
    BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(p);
    return new ECPoint(x3, y3);
  }
}
