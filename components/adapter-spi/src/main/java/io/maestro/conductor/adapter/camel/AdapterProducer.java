package io.maestro.conductor.adapter.camel;

import java.time.Duration;

import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.Masking;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.adapter.governance.GovernanceDecision;
import io.maestro.conductor.adapter.metrics.AdapterMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one adapter call the same way for every adapter: resolve the instance, ask the governance gate (a deny
 * stops here, before the backend is touched), get the instance's delegate, do the work, then record metrics and
 * one structured log line. Subclasses implement only {@link #invoke}.
 *
 * @param <D> the backend delegate type of the component
 */
public abstract class AdapterProducer<D extends AutoCloseable> extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterProducer.class);
    private static final String[] MDC_KEYS = {"tenant", "environment", "correlationId", "instance", "decisionId"};

    protected AdapterProducer(AdapterEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public AdapterEndpoint getEndpoint() {
        return (AdapterEndpoint) super.getEndpoint();
    }

    /** The operation this exchange asks for (from the endpoint path or a header). */
    protected abstract String operation(Exchange exchange);

    /** Does the work against the backend; failures leave as {@link AdapterException} with a stable code. */
    protected abstract void invoke(Exchange exchange, D delegate, Invocation invocation) throws Exception;

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws Exception {
        long started = System.nanoTime();
        AdapterComponent<D> component = (AdapterComponent<D>) getEndpoint().getComponent();
        Invocation invocation;
        try {
            invocation = getEndpoint().resolve(exchange, operation(exchange));
        } catch (AdapterException e) {
            LOG.atWarn().addKeyValue("outcome", AdapterMetrics.ERROR).addKeyValue("code", e.code().name())
                    .log("adapter call to {} refused before an instance was known: {}",
                            getEndpoint().getEndpointBaseUri(), Masking.maskText(e.getMessage()));
            throw e;
        }
        String[] callerMdc = saveMdc();
        putMdc(invocation);
        try {
            String decisionId = checkGovernance(component, invocation);
            MDC.put("decisionId", decisionId);
            exchange.getMessage().setHeader(AdapterHeaders.DECISION_ID, decisionId);
            Object requestBody = exchange.getMessage().getBody();
            invoke(exchange, component.delegateFor(invocation.instance()), invocation);
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            component.metrics().success(invocation.instance(), invocation.operation(), latency);
            component.health().success(invocation.instanceId());
            logOutcome(invocation, AdapterMetrics.SUCCESS, null, latency, requestBody);
        } catch (PolicyDeniedException e) {
            fail(component, invocation, AdapterMetrics.DENIED, e.code().name(), started, e);
            throw e;
        } catch (AdapterException e) {
            fail(component, invocation, AdapterMetrics.ERROR, e.code().name(), started, e);
            component.health().failure(invocation.instanceId(), e.code());
            throw e;
        } catch (Exception e) {
            fail(component, invocation, AdapterMetrics.ERROR, "UNEXPECTED", started, e);
            throw e;
        } finally {
            restoreMdc(callerMdc);
        }
    }

    /** The caller's values of the keys this call sets: an HTTP request's tenant and correlation id outlive it. */
    private static String[] saveMdc() {
        String[] saved = new String[MDC_KEYS.length];
        for (int i = 0; i < MDC_KEYS.length; i++) {
            saved[i] = MDC.get(MDC_KEYS[i]);
        }
        return saved;
    }

    private static void restoreMdc(String[] saved) {
        for (int i = 0; i < MDC_KEYS.length; i++) {
            if (saved[i] == null) {
                MDC.remove(MDC_KEYS[i]);
            } else {
                MDC.put(MDC_KEYS[i], saved[i]);
            }
        }
    }

    private String checkGovernance(AdapterComponent<D> component, Invocation invocation) {
        GovernanceDecision decision;
        try {
            decision = component.getGovernanceGate().evaluate(invocation.toGovernanceRequest());
        } catch (RuntimeException e) {
            // No decision means no call.
            throw new AdapterException(SpiErrorCode.POLICY_UNAVAILABLE, invocation.instanceId(),
                    "the governance gate gave no decision (" + e.getClass().getSimpleName() + ")", e);
        }
        if (decision == null) {
            throw new AdapterException(SpiErrorCode.POLICY_UNAVAILABLE, invocation.instanceId(),
                    "the governance gate gave no decision");
        }
        if (!decision.allowed()) {
            throw new PolicyDeniedException(invocation.instanceId(), decision);
        }
        return decision.decisionId();
    }

    private void fail(AdapterComponent<D> component, Invocation invocation, String outcome, String code,
                      long started, Exception e) {
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        component.metrics().failure(invocation.instance(), invocation.operation(), outcome, code, latency);
        logOutcome(invocation, outcome, code, latency, Masking.maskText(e.getMessage()));
    }

    private static void logOutcome(Invocation invocation, String outcome, String code, Duration latency,
                                   Object detail) {
        boolean success = AdapterMetrics.SUCCESS.equals(outcome);
        if (success ? !LOG.isInfoEnabled() : !LOG.isWarnEnabled()) {
            return;  // nothing to render: skip masking the payload and boxing the key-values
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
        event.log("adapter call {} {} on {} -> {}: {}", invocation.instance().category(), invocation.operation(),
                invocation.instanceId(), outcome, Masking.maskPayload(detail));
    }

    private static void putMdc(Invocation invocation) {
        MDC.put("tenant", invocation.instance().ref().tenant());
        MDC.put("environment", invocation.instance().ref().environment());
        MDC.put("correlationId", invocation.correlationId());
        MDC.put("instance", invocation.instanceId());
    }
}
