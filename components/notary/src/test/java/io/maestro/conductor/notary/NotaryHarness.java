package io.maestro.conductor.notary;

import io.maestro.conductor.adapter.testing.AdapterHarness;
import io.maestro.conductor.adapter.testing.InMemoryInstanceResolver;
import io.maestro.conductor.adapter.testing.InMemorySecretResolver;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;

/** {@code notary:} on the SPI's {@link AdapterHarness}, called as acme/prod. */
final class NotaryHarness implements AutoCloseable {

    private final AdapterHarness harness = new AdapterHarness(new NotaryComponent());
    final InMemoryInstanceResolver instances = harness.instances;
    final InMemorySecretResolver secrets = harness.secrets;

    Exchange call(String operation, String instance, String content) {
        return call(operation, instance, content == null ? null : content.getBytes(StandardCharsets.UTF_8));
    }

    Exchange call(String operation, String instance, byte[] content) {
        return harness.call("acme", "prod", operation, instance, Map.of(), content);
    }

    @Override
    public void close() {
        harness.close();
    }
}
