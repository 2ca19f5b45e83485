package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.Masking;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.governance.GovernanceDecision;
import io.maestro.conductor.adapter.governance.GovernanceGate;
import io.maestro.conductor.adapter.health.AdapterHealthCheck;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.InstanceResolver;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.metrics.AdapterMetrics;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.adapter.secret.SecretResolver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every adapter component. It holds what all adapters share: the instance resolver, the secret resolver,
 * the governance gate, metrics and the per-instance delegate cache. Resolver and gate are taken from the component
 * options or, failing that, the single bean of their type in the Camel registry; without them the component does
 * not start (there is no permissive default gate).
 *
 * @param <D> the backend delegate one instance config version uses (a client, a Camel endpoint, ...)
 */
public abstract class AdapterComponent<D extends AutoCloseable> extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterComponent.class);

    @Metadata(
            autowired = true,
            label = "advanced",
            description =
                    "Finds adapter instances (tenant/environment/instance); the hub binds the registry-backed one")
    private InstanceResolver instanceResolver;

    @Metadata(
            autowired = true,
            label = "advanced",
            description = "Resolves secret:<name> references from the tenant's namespace")
    private SecretResolver secretResolver;

    @Metadata(
            autowired = true,
            label = "advanced",
            description = "Decides whether each call may proceed; required, there is no default")
    private GovernanceGate governanceGate;

    @Metadata(
            autowired = true,
            label = "advanced",
            description = "Registry for the conductor.adapter.* meters; a private SimpleMeterRegistry when absent")
    private MeterRegistry meterRegistry;

    @Metadata(
            label = "advanced",
            defaultValue = "60000",
            description = "Milliseconds between checks that close the delegates (clients, connections) of instances "
                    + "no longer installed; 0 turns the check off")
    private long delegateSweepInterval = 60_000;

    private final DelegateCache<D> delegates = new DelegateCache<>();
    /** One factory for the component's life rather than a capturing lambda per call. */
    private final DelegateCache.Factory<D> delegateFactory =
            resolved -> createDelegate(resolved, new InstanceSecrets(resolved, secretResolver));

    private ScheduledExecutorService sweeper;
    private AdapterMetrics metrics;
    private AdapterHealthCheck health;

    /** The category id this component serves, e.g. {@code storage}. */
    public abstract String category();

    /** A new endpoint of this component (the concrete, {@code @UriEndpoint}-annotated class), options unset. */
    protected abstract AdapterEndpoint<D> newEndpoint(String uri);

    /** Builds the backend delegate for one instance config version. */
    protected abstract D createDelegate(ResolvedInstance instance, InstanceSecrets secrets) throws Exception;

    /**
     * The cheapest call that proves the delegate can reach its backend with its credentials (e.g. list one key);
     * failures leave as {@link AdapterException} with a stable code.
     */
    protected abstract void probe(D delegate, ResolvedInstance instance);

    protected AdapterComponent() {
        registerExtension(() -> new AdapterVerifierExtension(this));
    }

    /** Every adapter URI is {@code <scheme>:<operation>?instance=...}; an operation not in the table is refused here. */
    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AdapterEndpoint<D> endpoint = newEndpoint(uri);
        endpoint.setOperation(remaining);
        setProperties(endpoint, parameters);
        if (!endpoint.acceptsOperation(remaining)) {
            endpoint.operations().require(category(), remaining, null); // throws OPERATION_INVALID naming the table
        }
        return endpoint;
    }

    /** The operations a route may name on this component, e.g. for a workflow validator. */
    public Set<String> operationNames() {
        return newEndpoint(category() + ":").operationNames();
    }

    /**
     * The header that overrides an endpoint's operation for one exchange: {@code CamelConductor<Category>Operation},
     * e.g. {@code CamelConductorStorageOperation}.
     */
    public String operationHeader() {
        String name = category().replace("-", "");
        return "CamelConductor" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Operation";
    }

    /**
     * Asks the governance gate whether the call may proceed: its decision id when allowed. A deny leaves as
     * {@link PolicyDeniedException}; a gate that fails or answers nothing as {@code POLICY_UNAVAILABLE}, since no
     * decision means no call. Producers ask once per call, consumers once per message.
     */
    public String authorize(Invocation invocation) {
        GovernanceDecision decision;
        try {
            decision = governanceGate.evaluate(invocation.toGovernanceRequest());
        } catch (RuntimeException e) {
            throw new AdapterException(
                    SpiErrorCode.POLICY_UNAVAILABLE,
                    invocation.instanceId(),
                    "the governance gate gave no decision (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        if (decision == null) {
            throw new AdapterException(
                    SpiErrorCode.POLICY_UNAVAILABLE, invocation.instanceId(), "the governance gate gave no decision");
        }
        if (!decision.allowed()) {
            throw new PolicyDeniedException(invocation.instanceId(), decision);
        }
        return decision.decisionId();
    }

    /**
     * Resolves an instance and probes its backend, bypassing the governance gate (nothing is read or written).
     * Backs Camel's {@code ComponentVerifierExtension} connectivity scope.
     */
    public void probe(InstanceRef ref) {
        ResolvedInstance instance = getInstanceResolver().resolve(ref, category());
        probe(delegateFor(instance), instance);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        instanceResolver = required(instanceResolver, InstanceResolver.class);
        secretResolver = required(secretResolver, SecretResolver.class);
        governanceGate = required(governanceGate, GovernanceGate.class);
        if (meterRegistry == null) {
            meterRegistry = boundMeterRegistry();
        }
        metrics = new AdapterMetrics(meterRegistry);
        // per component, not per category: two adapters of one category (or two versions of one) each keep theirs
        String name = getDefaultName() == null ? category() : getDefaultName();
        health = AdapterHealthCheck.register(
                HealthCheckRegistry.get(getCamelContext()), getCamelContext(), name, category());
        if (delegateSweepInterval > 0) {
            sweeper = getCamelContext()
                    .getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, category() + "-delegate-sweep");
            sweeper.scheduleWithFixedDelay(
                    this::sweepDelegates, delegateSweepInterval, delegateSweepInterval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (sweeper != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(sweeper);
            sweeper = null;
        }
        HealthCheckRegistry healthChecks = HealthCheckRegistry.get(getCamelContext());
        // only its own check: another component's may never be removed by this one's stop
        if (healthChecks != null
                && health != null
                && healthChecks.getCheck(health.getId()).orElse(null) == health) {
            healthChecks.unregister(health);
        }
        delegates.closeAll();
        super.doStop();
    }

    /**
     * How a call's payload appears in the producer's log line: the SPI's {@link Masking} (secrets, e-mail addresses,
     * card numbers, keys). An adapter whose payloads carry personal data by field name (names, addresses) masks more.
     */
    public String maskPayload(Object payload) {
        return Masking.maskPayload(payload);
    }

    /** The delegate of the instance's current config version, built on first use. */
    public D delegateFor(ResolvedInstance instance) {
        return delegates.get(instance, delegateFactory);
    }

    /**
     * Closes the delegates of instances the resolver reports as not installed. Any other resolver failure (the
     * registry briefly unavailable) keeps the delegate: closing it would only cost a rebuild on the next call.
     *
     * @return how many delegates were closed
     */
    public int sweepDelegates() {
        try {
            return delegates.retainInstalled(this::stillInstalled);
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; log and keep sweeping.
            LOG.warn("Checking the {} delegates against the registry failed: {}", category(), e.toString());
            return 0;
        }
    }

    private boolean stillInstalled(InstanceRef ref) {
        try {
            instanceResolver.resolve(ref, category());
            return true;
        } catch (AdapterException e) {
            return e.code() != SpiErrorCode.ADAPTER_NOT_INSTALLED;
        }
    }

    /** How many instances currently have a live delegate. */
    public int liveDelegates() {
        return delegates.size();
    }

    public AdapterMetrics metrics() {
        return metrics;
    }

    public AdapterHealthCheck health() {
        return health;
    }

    /**
     * The application's meter registry: the only one bound, or the only composite among several (Spring Boot binds
     * its exporting registries plus the composite that fans out to them). Without one, a private registry.
     */
    private MeterRegistry boundMeterRegistry() {
        Set<MeterRegistry> bound = getCamelContext().getRegistry().findByType(MeterRegistry.class);
        if (bound.size() == 1) {
            return bound.iterator().next();
        }
        List<MeterRegistry> composites =
                bound.stream().filter(CompositeMeterRegistry.class::isInstance).toList();
        return composites.size() == 1 ? composites.get(0) : new SimpleMeterRegistry();
    }

    private <T> T required(T configured, Class<T> type) {
        if (configured != null) {
            return configured;
        }
        T bound = getCamelContext().getRegistry().findSingleByType(type);
        if (bound == null) {
            throw new AdapterException(
                    SpiErrorCode.CONFIG_INVALID,
                    null,
                    "component '" + category() + "' needs exactly one " + type.getSimpleName()
                            + ": set it on the component or bind one bean");
        }
        return bound;
    }

    public InstanceResolver getInstanceResolver() {
        return instanceResolver;
    }

    public void setInstanceResolver(InstanceResolver instanceResolver) {
        this.instanceResolver = instanceResolver;
    }

    public SecretResolver getSecretResolver() {
        return secretResolver;
    }

    public void setSecretResolver(SecretResolver secretResolver) {
        this.secretResolver = secretResolver;
    }

    public GovernanceGate getGovernanceGate() {
        return governanceGate;
    }

    public void setGovernanceGate(GovernanceGate governanceGate) {
        this.governanceGate = governanceGate;
    }

    public long getDelegateSweepInterval() {
        return delegateSweepInterval;
    }

    public void setDelegateSweepInterval(long delegateSweepInterval) {
        this.delegateSweepInterval = delegateSweepInterval;
    }

    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }
}
