package io.maestro.conductor.notary;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks an RFC 3161 TimeStampToken offline: its imprint is the SHA-256 of the content, BouncyCastle's
 * {@link TimeStampToken#validate} checks the CMS signature, the signing-certificate attribute and the critical
 * timestamping key usage (RFC 3161 section 2.3), and with trust anchors the signer must chain to one (PKIX, at the
 * token's own time, no revocation: offline). What {@code openssl ts -verify -CAfile} checks.
 */
public final class TimestampVerifier {

    private TimestampVerifier() {}

    public static TimestampCheck verify(byte[] tokenDer, byte[] content, Collection<X509Certificate> anchors) {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(tokenDer));
        } catch (CMSException | TSPException | IOException | IllegalArgumentException e) {
            return TimestampCheck.invalid("not an RFC 3161 timestamp token");
        }
        var info = token.getTimeStampInfo();
        if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())) {
            return TimestampCheck.invalid("the token's imprint is not SHA-256");
        }
        if (!MessageDigest.isEqual(info.getMessageImprintDigest(), sha256(content))) {
            return TimestampCheck.invalid("the token timestamps other content");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            return TimestampCheck.invalid("the token carries no signing certificate");
        }
        X509CertificateHolder signer = matches.iterator().next();
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
        } catch (TSPException | OperatorCreationException | java.security.cert.CertificateException e) {
            return TimestampCheck.invalid("the token's signature does not verify");
        }
        boolean anchored = !anchors.isEmpty() && chains(token, signer, anchors);
        if (!anchors.isEmpty() && !anchored) {
            return new TimestampCheck(
                    false,
                    false,
                    info.getGenTime().toInstant(),
                    info.getSerialNumber().toString(),
                    "the TSA certificate does not chain to a trusted TSA root");
        }
        return new TimestampCheck(
                true,
                anchored,
                info.getGenTime().toInstant(),
                info.getSerialNumber().toString(),
                null);
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean chains(
            TimeStampToken token, X509CertificateHolder signer, Collection<X509Certificate> anchors) {
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> carried = new ArrayList<>();
            for (Object holder : token.getCertificates().getMatches(null)) {
                carried.add(converter.getCertificate((X509CertificateHolder) holder));
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(converter.getCertificate(signer));
            Set<TrustAnchor> trust =
                    anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
            PKIXBuilderParameters params = new PKIXBuilderParameters(trust, target);
            params.setRevocationEnabled(false);
            params.setDate(token.getTimeStampInfo().getGenTime());
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
