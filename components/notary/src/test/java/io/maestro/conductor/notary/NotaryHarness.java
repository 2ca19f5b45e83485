package io.maestro.conductor.notary;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.testing.AllowAllGate;
import io.maestro.conductor.adapter.testing.InMemoryInstanceResolver;
import io.maestro.conductor.adapter.testing.InMemorySecretResolver;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/** A Camel context with the {@code notary:} component over in-memory instances and secrets, every call allowed. */
final class NotaryHarness implements AutoCloseable {

    final InMemoryInstanceResolver instances = new InMemoryInstanceResolver();
    final InMemorySecretResolver secrets = new InMemorySecretResolver();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate template;

    NotaryHarness() {
        NotaryComponent notary = new NotaryComponent();
        notary.setInstanceResolver(instances);
        notary.setSecretResolver(secrets);
        notary.setGovernanceGate(new AllowAllGate());
        camel.addComponent(NotaryComponent.CATEGORY, notary);
        camel.start();
        template = camel.createProducerTemplate();
    }

    /** Calls {@code operation} on {@code instance} of acme/prod with {@code content}; never throws. */
    Exchange call(String operation, String instance, String content) {
        return call(operation, instance, content == null ? null : content.getBytes(StandardCharsets.UTF_8));
    }

    Exchange call(String operation, String instance, byte[] content) {
        return template.request("notary:" + operation + "?instance=" + instance, exchange -> {
            exchange.getMessage().setHeader(AdapterHeaders.TENANT, "acme");
            exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, "prod");
            exchange.getMessage().setBody(content);
        });
    }

    @Override
    public void close() {
        camel.stop();
    }
}
