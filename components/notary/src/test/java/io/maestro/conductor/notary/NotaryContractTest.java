package io.maestro.conductor.notary;

import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.AdapterContractTest;
import io.maestro.conductor.sandbox.tsa.TimestampAuthority;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The SPI's contract checks for {@code notary:} on the sandbox's RFC 3161 TSA, which wants a Basic login. */
class NotaryContractTest extends AdapterContractTest {

    private static final String SIGNING_SECRET = "contract-signing-secret-0123456789abcdef";
    private static final String ACCEPTED = "tsa-password-accepted-7Hq2";
    private static final String REFUSED = "tsa-password-refused-9Zx4";

    private TimestampAuthority tsa;

    @BeforeEach
    void startTsa() {
        tsa = TimestampAuthority.start("notary", ACCEPTED, Clock.systemUTC());
    }

    @AfterEach
    void stopTsa() {
        tsa.close();
    }

    @Override
    protected AdapterComponent<?> newComponent() {
        return new NotaryComponent();
    }

    @Override
    protected ResolvedInstance workingInstance(String name) {
        return NotaryInstances.put(secrets, TENANT, ENVIRONMENT, name, tsa, SIGNING_SECRET, ACCEPTED, 1);
    }

    @Override
    protected ResolvedInstance refusingInstance(String name) {
        return NotaryInstances.put(secrets, TENANT, ENVIRONMENT, name, tsa, SIGNING_SECRET, REFUSED, 1);
    }

    @Override
    protected String writeOperation() {
        return "seal";
    }

    @Override
    protected Map<String, Object> writeHeaders() {
        return Map.of();
    }

    @Override
    protected Object writeBody() {
        return "{\"receipt\":1}".getBytes(StandardCharsets.UTF_8);
    }

    /** A seal is written at the TSA: it issued a token. */
    @Override
    protected boolean backendWritten(ResolvedInstance instance) {
        return tsa.issued() > 0;
    }

    @Override
    protected List<String> secretValues() {
        return List.of(SIGNING_SECRET, ACCEPTED, REFUSED);
    }
}
