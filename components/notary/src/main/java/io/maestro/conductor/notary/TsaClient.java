package io.maestro.conductor.notary;

import io.maestro.conductor.adapter.AdapterErrorCode.Kind;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.camel.HttpStatusCodes;
import io.maestro.conductor.adapter.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 client over HTTP (section 3.4): sends a SHA-256 imprint with a fresh nonce and {@code certReq}, and
 * takes the answer only when BouncyCastle finds it matches the request (imprint, nonce) and {@link TimestampVerifier}
 * finds it validly signed, chaining to the pinned TSA certificate when the instance pins one.
 */
final class TsaClient {

    private static final SecureRandom NONCES = new SecureRandom();
    private static final int MAX_REPLY_BYTES = 64 * 1024;
    private static final Map<Kind, NotaryErrorCode> BY_KIND = Map.of(
            Kind.REFUSED, NotaryErrorCode.NOTARY_TSA_REFUSED,
            Kind.THROTTLED, NotaryErrorCode.NOTARY_TSA_THROTTLED,
            Kind.UNREACHABLE, NotaryErrorCode.NOTARY_TSA_UNREACHABLE);

    private final NotarySettings settings;
    private final String authorization;
    private final String instanceId;
    private final HttpClient http;

    TsaClient(NotarySettings settings, Secret password, String instanceId) {
        this.settings = settings;
        this.authorization = settings.tsaUser() == null || password == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((settings.tsaUser() + ":" + password.reveal())
                                        .getBytes(StandardCharsets.UTF_8));
        this.instanceId = instanceId;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A checked token over {@code content}'s SHA-256. */
    TimeStampToken timestamp(byte[] content) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request =
                generator.generate(TSPAlgorithms.SHA256, TimestampVerifier.sha256(content), new BigInteger(64, NONCES));
        byte[] reply = post(request);
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(reply);
            response.validate(request);
        } catch (TSPException | IOException | IllegalArgumentException e) {
            throw failed("the TSA's answer does not match the request");
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw failed("the TSA rejected the request (PKIStatus " + response.getStatus() + ")");
        }
        TimestampCheck check;
        try {
            check = TimestampVerifier.verify(token.getEncoded(), content, settings.tsaAnchors());
        } catch (IOException e) {
            throw failed("the TSA's token cannot be encoded");
        }
        if (!check.valid()) {
            throw failed(check.problem());
        }
        return token;
    }

    /** The cheapest proof of reachability and credentials: one timestamp of nothing in particular. */
    void probe() {
        timestamp(("conductor-notary-probe:" + instanceId).getBytes(StandardCharsets.UTF_8));
    }

    private byte[] post(TimeStampRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.tsaUrl())
                .timeout(settings.timeout())
                .header("Content-Type", "application/timestamp-query")
                .header("Accept", "application/timestamp-reply");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        try {
            HttpResponse<InputStream> response = http.send(
                    builder.POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    NotaryErrorCode code =
                            HttpStatusCodes.codeFor(response.statusCode(), BY_KIND, NotaryErrorCode.NOTARY_TSA_FAILED);
                    throw new AdapterException(code, instanceId, "the TSA answered HTTP " + response.statusCode());
                }
                // A reply is a few KiB; a hostile or broken TSA must not make the hub read without bound.
                byte[] reply = body.readNBytes(MAX_REPLY_BYTES + 1);
                if (reply.length > MAX_REPLY_BYTES) {
                    throw failed("the TSA's answer is larger than " + MAX_REPLY_BYTES + " bytes");
                }
                return reply;
            }
        } catch (IOException e) {
            throw new AdapterException(
                    NotaryErrorCode.NOTARY_TSA_UNREACHABLE, instanceId, "the TSA did not answer: " + kindOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException(NotaryErrorCode.NOTARY_TSA_UNREACHABLE, instanceId, "interrupted");
        }
    }

    private AdapterException failed(String detail) {
        return new AdapterException(NotaryErrorCode.NOTARY_TSA_FAILED, instanceId, detail);
    }

    /** The exception's class only: its message can hold the URL, which can hold credentials. */
    private static String kindOf(IOException e) {
        return e.getClass().getSimpleName();
    }
}
