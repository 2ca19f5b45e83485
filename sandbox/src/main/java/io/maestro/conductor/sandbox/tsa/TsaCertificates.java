package io.maestro.conductor.sandbox.tsa;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A root CA and the TSA certificate it issues, made at start: the TSA certificate carries the one critical extended
 * key usage RFC 3161 (section 2.3) demands, {@code id-kp-timeStamping}, so {@code openssl ts -verify -CAfile} accepts
 * its tokens.
 */
record TsaCertificates(X509Certificate ca, X509Certificate tsa, PrivateKey tsaKey) {

    private static final Duration VALIDITY = Duration.ofDays(3650);

    static TsaCertificates generate(String name) {
        try {
            KeyPair caKeys = ecKeys();
            KeyPair tsaKeys = ecKeys();
            X500Name caName = new X500Name("CN=" + name + " Root CA,O=Conductor sandbox");
            X500Name tsaName = new X500Name("CN=" + name + ",O=Conductor sandbox");
            Instant now = Instant.now().minusSeconds(60);

            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(
                    caName, BigInteger.ONE, Date.from(now), Date.from(now.plus(VALIDITY)), caName, caKeys.getPublic());
            ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));

            X509v3CertificateBuilder tsa = new JcaX509v3CertificateBuilder(
                    caName,
                    BigInteger.TWO,
                    Date.from(now),
                    Date.from(now.plus(VALIDITY)),
                    tsaName,
                    tsaKeys.getPublic());
            tsa.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            tsa.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            tsa.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));

            JcaContentSignerBuilder signer = new JcaContentSignerBuilder("SHA256withECDSA");
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            return new TsaCertificates(
                    converter.getCertificate(ca.build(signer.build(caKeys.getPrivate()))),
                    converter.getCertificate(tsa.build(signer.build(caKeys.getPrivate()))),
                    tsaKeys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make the sandbox TSA's certificates", e);
        }
    }

    static String pem(X509Certificate certificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to a string cannot fail", e);
        }
        return out.toString();
    }

    /** P-256: made in milliseconds (RSA keys took seconds on a loaded CI machine); openssl and BouncyCastle take both. */
    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }
}
