package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriParam;

/**
 * Base of an adapter endpoint that also consumes (e.g. {@code eventbus:}): a route starting
 * {@code from: eventbus:receive?instance=orders&tenant=acme&environment=prod} receives the instance's messages
 * through an {@link AdapterConsumer}. A consumer has no incoming exchange to name the tenant, so the endpoint does.
 */
public abstract class ConsumingAdapterEndpoint<D extends AutoCloseable> extends AdapterEndpoint<D> {

    @UriParam(
            label = "consumer",
            description = "Tenant whose instance a consumer receives from (producers take the "
                    + "tenant from the ConductorTenant header, never from here)")
    private String tenant;

    protected ConsumingAdapterEndpoint(String uri, AdapterComponent<D> component) {
        super(uri, component);
    }

    /** The adapter's consumer: an {@link AdapterConsumer} over the backend's own. */
    protected abstract AdapterConsumer<D> createAdapterConsumer(Processor processor);

    /** The path a consuming route uses, e.g. {@code eventbus:receive}; governed as {@code <category>.receive}. */
    protected String consumeOperation() {
        return "receive";
    }

    @Override
    public Set<String> operationNames() {
        Set<String> names = new TreeSet<>(super.operationNames());
        names.add(consumeOperation());
        return names;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!consumeOperation().equals(getOperation())) {
            throw new AdapterException(
                    SpiErrorCode.OPERATION_INVALID,
                    null,
                    getComponent().category() + " consumers use "
                            + getComponent().category() + ":" + consumeOperation());
        }
        AdapterConsumer<D> consumer = createAdapterConsumer(processor);
        configureConsumer(consumer);
        return consumer;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }
}
