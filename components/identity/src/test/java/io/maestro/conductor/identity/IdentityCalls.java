package io.maestro.conductor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.instance.InstanceResolver;
import io.maestro.conductor.adapter.secret.SecretResolver;
import io.maestro.conductor.adapter.testing.AllowAllGate;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/** An {@code identity:} component on a plain Camel context (gate allows all), and calls to it as one tenant. */
public final class IdentityCalls implements AutoCloseable {

    private final CamelContext camel;
    private final ProducerTemplate template;
    private final String tenant;
    private final String environment;

    public IdentityCalls(
            InstanceResolver instances, SecretResolver secrets, MeterRegistry meters, String tenant, String environment)
            throws Exception {
        IdentityComponent component = new IdentityComponent();
        component.setInstanceResolver(instances);
        component.setSecretResolver(secrets);
        component.setGovernanceGate(new AllowAllGate());
        component.setMeterRegistry(meters);
        camel = new DefaultCamelContext();
        camel.addComponent(IdentityComponent.CATEGORY, component);
        camel.start();
        template = camel.createProducerTemplate();
        this.tenant = tenant;
        this.environment = environment;
    }

    /** Sends {@code identity:<operation>?instance=<instance>}; never throws (the exchange carries the failure). */
    public Exchange call(String operation, String instance, Map<String, Object> headers, Object body) {
        return template.request("identity:" + operation + "?instance=" + instance, exchange -> {
            Map<String, Object> all = new HashMap<>(headers);
            all.put(AdapterHeaders.TENANT, tenant);
            all.put(AdapterHeaders.ENVIRONMENT, environment);
            exchange.getMessage().setHeaders(all);
            exchange.getMessage().setBody(body);
        });
    }

    public static String codeOf(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(AdapterException.class);
        return ((AdapterException) exchange.getException()).code().name();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> body(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(Map.class);
    }

    public static boolean changed(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getHeader(IdentityConstants.CHANGED, Boolean.class);
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
