package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.Masking;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.adapter.metrics.AdapterMetrics;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one adapter call the same way for every adapter: resolve the instance, ask the governance gate (a deny
 * stops here, before the backend is touched), get the instance's delegate, run the operation from the endpoint's
 * table (the path, or the component's operation header), then record metrics and one structured log line. The
 * caller's MDC is as it was afterwards.
 *
 * @param <D> the backend delegate type of the component
 */
public final class AdapterProducer<D extends AutoCloseable> extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterProducer.class);

    private final AdapterEndpoint<D> endpoint;
    private final AdapterComponent<D> component;
    /** The path's operation, looked up once: most exchanges do not override it. */
    private final Operation<D> pathOperation;
    /** The component's operation header name, built once rather than per call. */
    private final String operationHeader;

    AdapterProducer(AdapterEndpoint<D> endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.component = endpoint.getComponent();
        this.pathOperation = endpoint.operations().require(component.category(), endpoint.getOperation(), null);
        this.operationHeader = component.operationHeader();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        long started = System.nanoTime();
        String override = exchange.getMessage().getHeader(operationHeader, String.class);
        String operationName = override != null ? override : endpoint.getOperation();
        Invocation invocation;
        Operation<D> operation;
        try {
            operation = override != null
                    ? endpoint.operations().require(component.category(), override, null)
                    : pathOperation;
            invocation = endpoint.resolve(exchange, operationName);
        } catch (AdapterException e) {
            LOG.atWarn()
                    .addKeyValue("outcome", AdapterMetrics.ERROR)
                    .addKeyValue("code", e.code().name())
                    .log(
                            "adapter call to {} refused before an instance was known: {}",
                            endpoint.getEndpointBaseUri(),
                            Masking.maskText(e.getMessage()));
            throw e;
        }
        try (AdapterMdc mdc = AdapterMdc.put(invocation.instance().ref(), invocation.correlationId())) {
            try {
                String decisionId = component.authorize(invocation);
                mdc.decision(decisionId);
                exchange.getMessage().setHeader(AdapterHeaders.DECISION_ID, decisionId);
                Object requestBody = exchange.getMessage().getBody();
                operation.invoke(exchange, component.delegateFor(invocation.instance()), invocation);
                Duration latency = Duration.ofNanos(System.nanoTime() - started);
                component.metrics().success(invocation.instance(), invocation.operation(), latency);
                component.health().success(invocation.instanceId());
                component.health().calls().success(invocation.instanceId(), latency.toNanos());
                logOutcome(invocation, AdapterMetrics.SUCCESS, null, latency, requestBody);
            } catch (PolicyDeniedException e) {
                fail(invocation, AdapterMetrics.DENIED, e.code().name(), started, e);
                component.health().calls().denial(invocation.instanceId());
                throw e;
            } catch (AdapterException e) {
                fail(invocation, AdapterMetrics.ERROR, e.code().name(), started, e);
                component.health().failure(invocation.instanceId(), e.code());
                throw e;
            } catch (Exception e) {
                fail(invocation, AdapterMetrics.ERROR, "UNEXPECTED", started, e);
                throw e;
            }
        }
    }

    private void fail(Invocation invocation, String outcome, String code, long started, Exception e) {
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        component.metrics().failure(invocation.instance(), invocation.operation(), outcome, code, latency);
        if (AdapterMetrics.ERROR.equals(outcome)) {
            component.health().calls().failure(invocation.instanceId(), code, latency.toNanos());
        }
        logOutcome(invocation, outcome, code, latency, Masking.maskText(e.getMessage()));
    }

    private void logOutcome(Invocation invocation, String outcome, String code, Duration latency, Object detail) {
        boolean success = AdapterMetrics.SUCCESS.equals(outcome);
        if (success ? !LOG.isInfoEnabled() : !LOG.isWarnEnabled()) {
            return; // nothing to render: skip masking the payload and boxing the key-values
        }
        var event = (success ? LOG.atInfo() : LOG.atWarn())
                .addKeyValue("outcome", outcome)
                .addKeyValue("category", invocation.instance().category())
                .addKeyValue("backend", invocation.instance().backend())
                .addKeyValue("operation", invocation.operation())
                .addKeyValue("latencyMs", latency.toMillis());
        if (code != null) {
            event = event.addKeyValue("code", code);
        }
        event.log(
                "adapter call {} {} on {} -> {}: {}",
                invocation.instance().category(),
                invocation.operation(),
                invocation.instanceId(),
                outcome,
                component.maskPayload(detail));
    }
}
