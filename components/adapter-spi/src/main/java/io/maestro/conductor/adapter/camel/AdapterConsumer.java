package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Base of every adapter consumer. At start it resolves the endpoint's {@code tenant/environment/instance} and
 * starts the backend's own consumer (from {@link #createDelegateConsumer}) on the instance's delegate. For each
 * message that consumer delivers it: asks the governance gate ({@code <category>.<operation>}); sets the Conductor
 * headers (tenant, environment, instance, correlation id, decision id) and the MDC; hands the message to the route;
 * and records {@code conductor.adapter.consumer.received} / {@code .failed} (plus {@code .lag} when
 * {@link #lag()} knows it).
 *
 * <p>Errors follow Camel's rules: a failure inside the route is the route's error handler's; a deny, which happens
 * before the route, goes to the consumer's exception handler, which is the route's error handler when the endpoint
 * sets {@code bridgeErrorHandler=true} (else it is logged). Either way the backend's consumer sees the failure (the
 * exception on its exchange), so it does not acknowledge the message.
 */
public abstract class AdapterConsumer<D extends AutoCloseable> extends DefaultConsumer {

    private ResolvedInstance instance;
    private Consumer delegateConsumer;

    protected AdapterConsumer(ConsumingAdapterEndpoint<D> endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ConsumingAdapterEndpoint<D> getEndpoint() {
        return (ConsumingAdapterEndpoint<D>) super.getEndpoint();
    }

    /**
     * The backend's consumer on this instance's delegate; it must pass each message it receives to
     * {@code onMessage} (a Camel consumer of a connector endpoint, or a listener the delegate drives).
     */
    protected abstract Consumer createDelegateConsumer(D delegate, ResolvedInstance instance, Processor onMessage)
            throws Exception;

    /** Messages waiting at the backend for this consumer, or -1 where the backend cannot say. */
    protected long lag() {
        return -1;
    }

    /** The instance this consumer receives from; set once started. */
    protected ResolvedInstance instance() {
        return instance;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ConsumingAdapterEndpoint<D> endpoint = getEndpoint();
        AdapterComponent<D> component = endpoint.getComponent();
        if (endpoint.getTenant() == null || endpoint.getEnvironment() == null) {
            throw new AdapterException(
                    SpiErrorCode.TENANT_REQUIRED,
                    null,
                    "consumer endpoint " + endpoint.getEndpointBaseUri() + " needs the options tenant and environment");
        }
        instance = component
                .getInstanceResolver()
                .resolve(
                        new InstanceRef(endpoint.getTenant(), endpoint.getEnvironment(), endpoint.getInstance()),
                        component.category());
        component.metrics().lag(instance, endpoint.getOperation(), this::lag);
        delegateConsumer = createDelegateConsumer(component.delegateFor(instance), instance, this::onMessage);
        ServiceHelper.startService(delegateConsumer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(delegateConsumer);
        delegateConsumer = null;
        super.doStop();
    }

    /** One message from the backend: governed, labelled and handed to the route; failures go back to the backend. */
    private void onMessage(Exchange received) throws Exception {
        AdapterComponent<D> component = getEndpoint().getComponent();
        String operation = getEndpoint().getOperation();
        component.metrics().received(instance, operation);
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getIn();
            message.copyFrom(received.getMessage());
            message.setHeader(AdapterHeaders.TENANT, instance.ref().tenant());
            message.setHeader(AdapterHeaders.ENVIRONMENT, instance.ref().environment());
            message.setHeader(AdapterHeaders.INSTANCE, instance.ref().instance());
            Invocation invocation = Invocation.of(instance, operation, message);
            try (AdapterMdc mdc = AdapterMdc.put(instance.ref(), invocation.correlationId())) {
                deliver(exchange, invocation, mdc);
            }
            received.setException(exchange.getException());
            if (exchange.getException() == null && received.getPattern().isOutCapable()) {
                received.getMessage().copyFrom(exchange.getMessage());
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private void deliver(Exchange exchange, Invocation invocation, AdapterMdc mdc) throws Exception {
        AdapterComponent<D> component = getEndpoint().getComponent();
        String decisionId;
        try {
            decisionId = component.authorize(invocation);
        } catch (AdapterException denied) {
            component
                    .metrics()
                    .consumerFailed(
                            instance, invocation.operation(), denied.code().name());
            exchange.setException(denied);
            getExceptionHandler().handleException("message refused before the route", exchange, denied);
            return;
        }
        mdc.decision(decisionId);
        exchange.getIn().setHeader(AdapterHeaders.DECISION_ID, decisionId);
        getProcessor().process(exchange);
        Throwable failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure != null) {
            component
                    .metrics()
                    .consumerFailed(
                            instance,
                            invocation.operation(),
                            failure instanceof AdapterException adapter
                                    ? adapter.code().name()
                                    : "ROUTE_FAILED");
        }
    }
}
