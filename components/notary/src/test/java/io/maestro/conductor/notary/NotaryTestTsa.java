package io.maestro.conductor.notary;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.sandbox.tsa.TimestampAuthority;
import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.camel.Exchange;

/** The sandbox TSA and a {@code notary:} instance on it (acme/prod/notary), sealing through Camel. */
public final class NotaryTestTsa implements AutoCloseable {

    public static final String SIGNING_SECRET = "acme-notary-signing-secret-0123456789";

    private final TimestampAuthority tsa = TimestampAuthority.start();
    private final NotaryHarness notary = new NotaryHarness();

    public NotaryTestTsa() {
        notary.instances.put(
                NotaryInstances.put(notary.secrets, "acme", "prod", "notary", tsa, SIGNING_SECRET, null, 1));
    }

    public Seal seal(byte[] content) {
        Exchange sealed = notary.call("seal", "notary", content);
        if (sealed.getException() != null) {
            throw (AdapterException) sealed.getException();
        }
        return sealed.getMessage().getBody(Seal.class);
    }

    public List<X509Certificate> roots() {
        return List.of(tsa.caCertificate());
    }

    public String rootsPem() {
        return tsa.caPem();
    }

    @Override
    public void close() {
        notary.close();
        tsa.close();
    }
}
