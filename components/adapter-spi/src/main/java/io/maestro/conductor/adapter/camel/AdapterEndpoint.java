package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import java.util.Set;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Base of every adapter endpoint: names the operation (the path) and the instance, and resolves the instance per
 * exchange with the tenant taken from the exchange (never defaulted). A subclass gives only its
 * {@link #createOperations() operation table}; the producer is the SPI's. Endpoints that also consume extend
 * {@link ConsumingAdapterEndpoint}.
 *
 * @param <D> the component's delegate type
 */
public abstract class AdapterEndpoint<D extends AutoCloseable> extends DefaultEndpoint {

    @UriPath(description = "The operation to perform (one of the component's operations)")
    @Metadata(required = true)
    private String operation;

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

    private Operations<D> operations;

    protected AdapterEndpoint(String uri, AdapterComponent<D> component) {
        super(uri, component);
    }

    /**
     * The operations this endpoint can run, by name; built once per endpoint, so an operation may read the
     * endpoint's options.
     */
    protected abstract Operations<D> createOperations();

    public final Operations<D> operations() {
        if (operations == null) {
            operations = createOperations();
        }
        return operations;
    }

    /** Whether the path names something this endpoint can do. */
    protected boolean acceptsOperation(String name) {
        return operationNames().contains(name);
    }

    /** What the path may name: by default, the operations of the table. */
    public Set<String> operationNames() {
        return operations().names();
    }

    @Override
    @SuppressWarnings("unchecked")
    public AdapterComponent<D> getComponent() {
        return (AdapterComponent<D>) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new AdapterProducer<>(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException(getComponent().category() + " endpoints only produce");
    }

    /** Resolves the instance this exchange addresses and gathers what governance and logs need. */
    public Invocation resolve(Exchange exchange, String operation) {
        String tenant = exchange.getMessage().getHeader(AdapterHeaders.TENANT, String.class);
        if (tenant == null || tenant.isBlank()) {
            throw new AdapterException(
                    SpiErrorCode.TENANT_REQUIRED,
                    null,
                    "header " + AdapterHeaders.TENANT + " is required for " + getEndpointBaseUri());
        }
        String env = exchange.getMessage().getHeader(AdapterHeaders.ENVIRONMENT, environment, String.class);
        if (env == null || env.isBlank()) {
            throw new AdapterException(
                    SpiErrorCode.ENVIRONMENT_REQUIRED,
                    null,
                    "header " + AdapterHeaders.ENVIRONMENT + " or endpoint option environment is required");
        }
        InstanceRef ref = ref(tenant, env);
        ResolvedInstance resolved =
                getComponent().getInstanceResolver().resolve(ref, getComponent().category());
        return Invocation.of(resolved, operation, exchange.getMessage());
    }

    private InstanceRef ref(String tenant, String env) {
        InstanceRef last = lastRef;
        if (last != null
                && last.tenant().equals(tenant)
                && last.environment().equals(env)
                && last.instance().equals(instance)) {
            return last;
        }
        InstanceRef ref = new InstanceRef(tenant, env, instance);
        lastRef = ref;
        return ref;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (instance == null || instance.isBlank()) {
            throw new AdapterException(
                    SpiErrorCode.CONFIG_INVALID,
                    null,
                    "endpoint " + getEndpointBaseUri() + " needs the option instance");
        }
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
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
