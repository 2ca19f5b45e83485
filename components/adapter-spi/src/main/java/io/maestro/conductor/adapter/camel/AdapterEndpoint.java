package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.governance.GovernanceRequest;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.policy.pdp.RandomIds;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Base of every adapter endpoint: names the instance and resolves it per exchange, with the tenant taken from the
 * exchange (never defaulted). Adapter endpoints only produce.
 */
public abstract class AdapterEndpoint extends DefaultEndpoint {

    @UriParam(description = "Name of the adapter instance to call; the tenant comes from the ConductorTenant header")
    @Metadata(required = true)
    private String instance;
    @UriParam(description = "Environment to use when the exchange has no ConductorEnvironment header")
    private String environment;

    /**
     * The reference the last exchange resolved, reused while exchanges name the same tenant and environment: it
     * spares the name checks and the id on every call, and the caches keyed by reference then compare by identity.
     */
    private volatile InstanceRef lastRef;

    protected AdapterEndpoint(String uri, AdapterComponent<?> component) {
        super(uri, component);
    }

    @Override
    public AdapterComponent<?> getComponent() {
        return (AdapterComponent<?>) super.getComponent();
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(getComponent().category() + " endpoints only produce");
    }

    /** Resolves the instance this exchange addresses and gathers what governance and logs need. */
    public Invocation resolve(Exchange exchange, String operation) {
        String tenant = exchange.getMessage().getHeader(AdapterHeaders.TENANT, String.class);
        if (tenant == null || tenant.isBlank()) {
            throw new AdapterException(SpiErrorCode.TENANT_REQUIRED, null,
                    "header " + AdapterHeaders.TENANT + " is required for " + getEndpointBaseUri());
        }
        String env = exchange.getMessage().getHeader(AdapterHeaders.ENVIRONMENT, environment, String.class);
        if (env == null || env.isBlank()) {
            throw new AdapterException(SpiErrorCode.ENVIRONMENT_REQUIRED, null, "header "
                    + AdapterHeaders.ENVIRONMENT + " or endpoint option environment is required");
        }
        InstanceRef ref = ref(tenant, env);
        ResolvedInstance resolved = getComponent().getInstanceResolver().resolve(ref, getComponent().category());
        return new Invocation(resolved, operation,
                exchange.getMessage().getHeader(AdapterHeaders.ACTOR, AdapterHeaders.ANONYMOUS, String.class),
                correlationId(exchange),
                new GovernanceRequest.DataAttributes(
                        exchange.getMessage().getHeader(AdapterHeaders.DATA_REGION, String.class),
                        exchange.getMessage().getHeader(AdapterHeaders.DATA_CLASSIFICATION, String.class)));
    }

    private InstanceRef ref(String tenant, String env) {
        InstanceRef last = lastRef;
        if (last != null && last.tenant().equals(tenant) && last.environment().equals(env)
                && last.instance().equals(instance)) {
            return last;
        }
        InstanceRef ref = new InstanceRef(tenant, env, instance);
        lastRef = ref;
        return ref;
    }

    private static String correlationId(Exchange exchange) {
        String id = exchange.getMessage().getHeader(AdapterHeaders.CORRELATION_ID, String.class);
        if (id == null || id.isBlank()) {
            id = RandomIds.uuid();
            exchange.getMessage().setHeader(AdapterHeaders.CORRELATION_ID, id);
        }
        return id;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (instance == null || instance.isBlank()) {
            throw new AdapterException(SpiErrorCode.CONFIG_INVALID, null,
                    "endpoint " + getEndpointBaseUri() + " needs the option instance");
        }
    }

    public String getInstance() {
        return instance;
    }

    public void setInstance(String instance) {
        this.instance = instance;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }
}
