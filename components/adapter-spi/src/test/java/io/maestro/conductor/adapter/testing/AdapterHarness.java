package io.maestro.conductor.adapter.testing;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.camel.AdapterComponent;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One adapter component on a plain Camel context over in-memory instances and secrets, every call allowed: for an
 * adapter's own tests beyond the contract ({@link AdapterContractTest}).
 */
public final class AdapterHarness implements AutoCloseable {

    public final InMemoryInstanceResolver instances = new InMemoryInstanceResolver();
    public final InMemorySecretResolver secrets = new InMemorySecretResolver();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate template;
    private final String scheme;

    public AdapterHarness(AdapterComponent<?> component) {
        component.setInstanceResolver(instances);
        component.setSecretResolver(secrets);
        component.setGovernanceGate(new AllowAllGate());
        scheme = component.category();
        camel.addComponent(scheme, component);
        camel.start();
        template = camel.createProducerTemplate();
    }

    /** Calls {@code operation} on {@code instance} as {@code tenant}/{@code environment}; never throws. */
    public Exchange call(
            String tenant,
            String environment,
            String operation,
            String instance,
            Map<String, Object> headers,
            Object body) {
        return template.request(scheme + ":" + operation + "?instance=" + instance, exchange -> {
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
            exchange.getMessage().setHeader(AdapterHeaders.TENANT, tenant);
            exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, environment);
            exchange.getMessage().setBody(body);
        });
    }

    @Override
    public void close() {
        camel.stop();
    }
}
