package io.maestro.conductor.notary;

import io.maestro.conductor.adapter.AdapterException;
import java.io.IOException;
import java.time.Instant;
import org.bouncycastle.tsp.TimeStampToken;

/** One notary instance's delegate: the tenant's signing key and its TSA client. */
public final class NotaryBackend implements AutoCloseable {

    private final TenantSigningKey key;
    private final TsaClient tsa;
    private final String instanceId;

    NotaryBackend(TenantSigningKey key, TsaClient tsa, String instanceId) {
        this.key = key;
        this.tsa = tsa;
        this.instanceId = instanceId;
    }

    /** The JWS over {@code content} (payload detached) and the key id it names. */
    public Signed sign(byte[] content) {
        return new Signed(key.keyId(), key.sign(content), key.publicJwk());
    }

    /** An RFC 3161 token over {@code content}'s SHA-256, checked before it is returned. */
    public Timestamped timestamp(byte[] content) {
        TimeStampToken token = tsa.timestamp(content);
        try {
            return new Timestamped(
                    token.getEncoded(), token.getTimeStampInfo().getGenTime().toInstant());
        } catch (IOException e) {
            throw new AdapterException(
                    NotaryErrorCode.NOTARY_TSA_FAILED, instanceId, "the TSA's token cannot be encoded");
        }
    }

    public Seal seal(byte[] content) {
        Signed signed = sign(content);
        Timestamped timestamped = timestamp(content);
        return new Seal(signed.keyId(), signed.jws(), signed.publicJwk(), timestamped.token(), timestamped.at());
    }

    void probe() {
        tsa.probe();
    }

    @Override
    public void close() {
        // The JDK HTTP client of Java 17 holds nothing that needs closing.
    }

    public record Signed(String keyId, String jws, String publicJwk) {}

    public record Timestamped(byte[] token, Instant at) {}
}
