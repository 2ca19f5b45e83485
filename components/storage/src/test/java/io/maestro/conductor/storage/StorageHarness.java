package io.maestro.conductor.storage;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.governance.GovernanceDecision;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.InMemoryInstanceResolver;
import io.maestro.conductor.adapter.testing.InMemorySecretResolver;
import io.maestro.conductor.adapter.testing.ScriptedGate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/** A plain Camel context with the storage component wired to in-memory resolvers and a scriptable gate. */
final class StorageHarness implements AutoCloseable {

    static final String TENANT = "acme";
    static final String ENV = "prod";

    final InMemoryInstanceResolver instances = new InMemoryInstanceResolver();
    final InMemorySecretResolver secrets = new InMemorySecretResolver();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    volatile java.util.function.Function<io.maestro.conductor.adapter.governance.GovernanceRequest, GovernanceDecision>
            decide = request -> GovernanceDecision.allow("allow-" + request.action());
    final ScriptedGate gate = new ScriptedGate(request -> decide.apply(request));
    final StorageComponent component = new StorageComponent();
    final CamelContext camel = new DefaultCamelContext();
    final ProducerTemplate template;

    StorageHarness() {
        component.setInstanceResolver(instances);
        component.setSecretResolver(secrets);
        component.setGovernanceGate(gate);
        component.setMeterRegistry(meters);
        camel.addComponent("storage", component);
        camel.start();
        template = camel.createProducerTemplate();
    }

    static ResolvedInstance instance(String name, String backend, long version, Map<String, String> config) {
        return new ResolvedInstance(
                new InstanceRef(TENANT, ENV, name),
                "storage",
                backend,
                version,
                "eu-central-1",
                "medium",
                "confidential",
                config);
    }

    /** Sends to {@code storage:<operation>?instance=<instance>} as tenant acme/prod; never throws. */
    Exchange call(String operation, String instance, Object body, Map<String, Object> headers) {
        return template.request("storage:" + operation + "?instance=" + instance, exchange -> {
            Map<String, Object> all = new HashMap<>(headers);
            all.putIfAbsent(AdapterHeaders.TENANT, TENANT);
            all.putIfAbsent(AdapterHeaders.ENVIRONMENT, ENV);
            exchange.getMessage().setHeaders(all);
            exchange.getMessage().setBody(body);
        });
    }

    @Override
    public void close() {
        camel.stop();
    }
}
