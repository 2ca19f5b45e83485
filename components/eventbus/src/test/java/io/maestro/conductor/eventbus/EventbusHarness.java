package io.maestro.conductor.eventbus;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.governance.GovernanceDecision;
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

/** A Camel context with the event-bus component on in-memory resolvers, an allowing gate and its own meters. */
final class EventbusHarness implements AutoCloseable {

    final InMemoryInstanceResolver instances = new InMemoryInstanceResolver();
    final InMemorySecretResolver secrets = new InMemorySecretResolver();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ScriptedGate gate = new ScriptedGate(request -> GovernanceDecision.allow("allow-" + request.action()));
    final CamelContext camel = new DefaultCamelContext();
    final EventbusComponent component = new EventbusComponent();
    private ProducerTemplate template;

    EventbusHarness() {
        component.setInstanceResolver(instances);
        component.setSecretResolver(secrets);
        component.setGovernanceGate(gate);
        component.setMeterRegistry(meters);
        camel.addComponent(EventbusComponent.SCHEME, component);
    }

    EventbusHarness start() {
        camel.start();
        template = camel.createProducerTemplate();
        return this;
    }

    /** Publishes as {@code tenant} in environment prod; the exchange comes back with its failure, never thrown. */
    Exchange publish(String tenant, String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, exchange -> {
            Map<String, Object> all = new HashMap<>(headers);
            all.put(AdapterHeaders.TENANT, tenant);
            all.put(AdapterHeaders.ENVIRONMENT, "prod");
            exchange.getMessage().setHeaders(all);
            exchange.getMessage().setBody(body);
        });
    }

    double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        camel.stop();
    }
}
