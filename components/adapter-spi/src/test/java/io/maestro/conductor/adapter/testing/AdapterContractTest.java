package io.maestro.conductor.adapter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.governance.GovernanceDecision;
import io.maestro.conductor.adapter.governance.GovernanceRequest;
import io.maestro.conductor.adapter.health.AdapterHealthCheck;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.metrics.AdapterMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks every adapter owes, for free: extend this class in the adapter's tests and say how to build the
 * component, a working and a broken instance, one call that writes, and how to see that the backend was touched.
 * It runs the component on a plain Camel context with in-memory resolvers and a scriptable gate, as tenant
 * {@value #TENANT} in environment {@value #ENVIRONMENT}:
 * <ul>
 * <li>a governance deny stops the call before the backend, with the decision's code;</li>
 * <li>a missing tenant is {@code TENANT_REQUIRED}, never a default, and nothing reaches the backend;</li>
 * <li>another tenant's instance name answers exactly as a name nobody installed ({@code ADAPTER_NOT_INSTALLED})
 * and reaches neither the gate nor the backend;</li>
 * <li>metrics and health are per instance: one instance failing leaves the other's meters and health alone;</li>
 * <li>secrets never appear in logs or exception messages, even when the backend refuses them.</li>
 * </ul>
 */
public abstract class AdapterContractTest {

    public static final String TENANT = "acme";
    public static final String ENVIRONMENT = "prod";

    protected final InMemoryInstanceResolver instances = new InMemoryInstanceResolver();
    protected final InMemorySecretResolver secrets = new InMemorySecretResolver();
    protected final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    protected volatile Function<GovernanceRequest, GovernanceDecision> decide =
            request -> GovernanceDecision.allow("allow-" + request.action());
    protected final ScriptedGate gate = new ScriptedGate(request -> decide.apply(request));
    protected CamelContext camel;
    protected AdapterComponent<?> component;
    private ProducerTemplate template;

    /** A new, unstarted component of the adapter under test. */
    protected abstract AdapterComponent<?> newComponent() throws Exception;

    /** An instance {@code name} of {@value #TENANT}/{@value #ENVIRONMENT} that works; put its secrets in {@link #secrets}. */
    protected abstract ResolvedInstance workingInstance(String name) throws Exception;

    /**
     * An instance {@code name} whose backend refuses its credentials, which are secrets the adapter reads (put them
     * in {@link #secrets}): calls to it fail with an instance fault.
     */
    protected abstract ResolvedInstance refusingInstance(String name) throws Exception;

    /** The operation of a call that writes to the backend, e.g. {@code put_object}. */
    protected abstract String writeOperation();

    /** The body and headers of that call (tenant and environment are added). */
    protected abstract Map<String, Object> writeHeaders();

    protected abstract Object writeBody();

    /** Whether anything was written to the backend of {@code instance} since the test began. */
    protected abstract boolean backendWritten(ResolvedInstance instance) throws Exception;

    /** The secret values this test's instances use: none may show in a log line or an exception message. */
    protected abstract List<String> secretValues();

    @BeforeEach
    void startAdapter() throws Exception {
        component = newComponent();
        component.setInstanceResolver(instances);
        component.setSecretResolver(secrets);
        component.setGovernanceGate(gate);
        component.setMeterRegistry(meters);
        camel = new DefaultCamelContext();
        camel.addComponent(component.category(), component);
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stopAdapter() throws Exception {
        if (camel != null) {
            camel.close();
        }
    }

    /** Sends the write call to {@code instance}; {@code tenant} null leaves the tenant header out. Never throws. */
    protected Exchange write(String instance, String tenant) {
        return template.request(component.category() + ":" + writeOperation() + "?instance=" + instance, exchange -> {
            Map<String, Object> headers = new HashMap<>(writeHeaders());
            if (tenant != null) {
                headers.put(AdapterHeaders.TENANT, tenant);
            }
            headers.put(AdapterHeaders.ENVIRONMENT, ENVIRONMENT);
            exchange.getMessage().setHeaders(headers);
            exchange.getMessage().setBody(writeBody());
        });
    }

    @Test
    void aGovernanceDenyStopsTheCallBeforeTheBackend() throws Exception {
        ResolvedInstance instance = workingInstance("governed");
        instances.put(instance);
        decide = request -> GovernanceDecision.deny(SpiErrorCode.POLICY_DENIED, List.of("not this one"), "deny-1");

        Exchange denied = write("governed", TENANT);

        assertThat(denied.getException()).isInstanceOf(PolicyDeniedException.class);
        assertThat(((PolicyDeniedException) denied.getException()).decisionId()).isEqualTo("deny-1");
        assertThat(gate.requests()).hasSize(1);
        assertThat(gate.requests().get(0).action()).isEqualTo(component.category() + "." + writeOperation());
        assertThat(backendWritten(instance)).isFalse();
        assertThat(meters.get(AdapterMetrics.ERRORS)
                        .tags("instance", "governed", "outcome", "denied", "code", "POLICY_DENIED")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aMissingTenantIsAnErrorAndReachesNothing() throws Exception {
        ResolvedInstance instance = workingInstance("untenanted");
        instances.put(instance);

        Exchange refused = write("untenanted", null);

        assertThat(refused.getException()).isInstanceOf(AdapterException.class);
        assertThat(((AdapterException) refused.getException()).code()).isEqualTo(SpiErrorCode.TENANT_REQUIRED);
        assertThat(gate.requests()).isEmpty();
        assertThat(backendWritten(instance)).isFalse();
    }

    @Test
    void anotherTenantsInstanceAnswersAsNotInstalledAndReachesNothing() throws Exception {
        ResolvedInstance instance = workingInstance("theirs");
        instances.put(instance);

        Exchange foreign = write("theirs", "intruder");
        Exchange unknown = write("nobody-installed-this", "intruder");

        assertThat(foreign.getException()).isInstanceOf(AdapterException.class);
        AdapterException refused = (AdapterException) foreign.getException();
        AdapterException absent = (AdapterException) unknown.getException();
        assertThat(refused.code()).isEqualTo(SpiErrorCode.ADAPTER_NOT_INSTALLED);
        assertThat(refused.getMessage())
                .as("nothing tells an installed name of another tenant from an unknown one")
                .isEqualTo(absent.getMessage().replace("nobody-installed-this", "theirs"))
                .doesNotContain(TENANT);
        assertThat(gate.requests()).isEmpty();
        assertThat(backendWritten(instance)).isFalse();
    }

    @Test
    void metricsAndHealthArePerInstance() throws Exception {
        ResolvedInstance good = workingInstance("good");
        instances.put(good);
        instances.put(refusingInstance("refusing"));

        assertThat(write("good", TENANT).getException()).isNull();
        Exchange failed = write("refusing", TENANT);

        assertThat(failed.getException()).isInstanceOf(AdapterException.class);
        assertThat(((AdapterException) failed.getException()).code().isInstanceFault())
                .isTrue();
        assertThat(backendWritten(good)).isTrue();
        assertThat(meters.get(AdapterMetrics.REQUESTS)
                        .tags("instance", "good", "outcome", "success")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.find(AdapterMetrics.REQUESTS)
                        .tags("instance", "good", "outcome", "error")
                        .counter())
                .isNull();
        assertThat(meters.get(AdapterMetrics.REQUESTS)
                        .tags("instance", "refusing", "outcome", "error")
                        .counter()
                        .count())
                .isEqualTo(1.0);

        HealthCheck.Result health = component.health().call();
        assertThat(health.getState())
                .as("one instance's fault is not the component's")
                .isEqualTo(HealthCheck.State.UP);
        assertThat(String.valueOf(health.getDetails().get(TENANT + "/" + ENVIRONMENT + "/good")))
                .startsWith("UP success");
        assertThat(String.valueOf(health.getDetails().get(TENANT + "/" + ENVIRONMENT + "/refusing")))
                .startsWith("DOWN "
                        + ((AdapterException) failed.getException()).code().name());
        assertThat(health.getDetails()).containsEntry(AdapterHealthCheck.INSTANCES_DOWN, 1L);
    }

    @Test
    void secretsNeverShowInLogsOrExceptions() throws Exception {
        instances.put(refusingInstance("leaky"));
        Exchange failed;
        try (LogCapture logs = new LogCapture()) {
            failed = write("leaky", TENANT);
            String logged = logs.text();
            for (String secret : secretValues()) {
                assertThat(logged).doesNotContain(secret);
            }
        }
        assertThat(failed.getException()).isNotNull();
        for (Throwable cause = failed.getException(); cause != null; cause = cause.getCause()) {
            for (String secret : secretValues()) {
                assertThat(String.valueOf(cause.getMessage())).doesNotContain(secret);
                assertThat(cause.toString()).doesNotContain(secret);
            }
        }
    }
}
