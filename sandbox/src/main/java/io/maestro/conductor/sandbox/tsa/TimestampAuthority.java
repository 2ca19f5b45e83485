package io.maestro.conductor.sandbox.tsa;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 timestamp authority over HTTP on 127.0.0.1 (RFC 3161 section 3.4: POST
 * {@code application/timestamp-query}, answer {@code application/timestamp-reply}), built on BouncyCastle's
 * {@link TimeStampResponseGenerator}. Its tokens are standard: {@code openssl ts -verify} accepts them with
 * {@link #caPem()} as the CA file. Optionally it wants HTTP Basic credentials, as hosted TSAs often do.
 */
public final class TimestampAuthority implements AutoCloseable {

    /** The TSA policy this authority states in every token. */
    public static final String POLICY = "1.3.6.1.4.1.59999.3161.1";

    private static final int MAX_QUERY_BYTES = 16 * 1024;

    private final HttpServer server;
    private final TsaCertificates certificates;
    private final TimeStampResponseGenerator responses;
    private final String expectedAuthorization;
    private final Clock clock;
    private final AtomicLong serial = new AtomicLong();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    private TimestampAuthority(String user, String password, Clock clock) throws IOException {
        this.certificates = TsaCertificates.generate("Conductor sandbox TSA");
        this.clock = clock;
        this.expectedAuthorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.responses = new TimeStampResponseGenerator(tokenGenerator(certificates), TSPAlgorithms.ALLOWED);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", this::handle);
        server.start();
    }

    /** A TSA that answers anyone. */
    public static TimestampAuthority start() {
        return start(null, null, Clock.systemUTC());
    }

    /** A TSA that wants HTTP Basic {@code user}/{@code password} (401 otherwise); {@code user} null: no login. */
    public static TimestampAuthority start(String user, String password, Clock clock) {
        try {
            return new TimestampAuthority(user, password, clock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the sandbox TSA on 127.0.0.1", e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    /** The root the TSA certificate chains to: the trust anchor a verifier needs. */
    public X509Certificate caCertificate() {
        return certificates.ca();
    }

    public String caPem() {
        return TsaCertificates.pem(certificates.ca());
    }

    public X509Certificate tsaCertificate() {
        return certificates.tsa();
    }

    /** Tokens granted since start. */
    public int issued() {
        return issued.get();
    }

    /** Requests received since start, refused ones included. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (expectedAuthorization != null
                    && !expectedAuthorization.equals(
                            exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"tsa\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] query = readBounded(exchange.getRequestBody());
            if (query == null) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            byte[] reply;
            try {
                TimeStampRequest request = new TimeStampRequest(query);
                var response = responses.generate(
                        request, BigInteger.valueOf(serial.incrementAndGet()), Date.from(clock.instant()));
                if (response.getTimeStampToken() != null) {
                    issued.incrementAndGet();
                }
                reply = response.getEncoded();
            } catch (IOException | TSPException | IllegalArgumentException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_QUERY_BYTES + 1);
        return body.length > MAX_QUERY_BYTES ? null : body;
    }

    private static TimeStampTokenGenerator tokenGenerator(TsaCertificates certificates) {
        try {
            var signerInfo = new JcaSimpleSignerInfoGeneratorBuilder()
                    .build("SHA256withECDSA", certificates.tsaKey(), certificates.tsa());
            // SHA-256 for the ESSCertIDv2 that names the signing certificate (RFC 5816), not SHA-1.
            var certIdDigest = new JcaDigestCalculatorProviderBuilder()
                    .build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator generator =
                    new TimeStampTokenGenerator(signerInfo, certIdDigest, new ASN1ObjectIdentifier(POLICY));
            generator.addCertificates(new JcaCertStore(List.of(certificates.tsa(), certificates.ca())));
            return generator;
        } catch (OperatorCreationException | TSPException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot set up the sandbox TSA's signer", e);
        }
    }
}
