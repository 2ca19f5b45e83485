package io.maestro.conductor.adapter;

/**
 * Exchange headers every adapter endpoint reads or writes. Tenant and environment are always explicit on the
 * exchange: there is no ambient "current tenant" a thread could leak.
 */
public final class AdapterHeaders {

    /** Required: the tenant the call acts for. A missing tenant is an error, never defaulted. */
    public static final String TENANT = "ConductorTenant";
    /** The environment (e.g. {@code prod}); falls back to the endpoint's {@code environment} option. */
    public static final String ENVIRONMENT = "ConductorEnvironment";
    /** Correlates log lines, metrics and receipts of one business operation. Generated when absent. */
    public static final String CORRELATION_ID = "ConductorCorrelationId";
    /** Who asks (a user or service id); {@link #ANONYMOUS} when absent. Goes to the governance gate. */
    public static final String ACTOR = "ConductorActor";
    /** The actor of an exchange without {@link #ACTOR}. */
    public static final String ANONYMOUS = "anonymous";
    /** Region the data belongs to (residency), e.g. {@code eu-west-1}. Goes to the governance gate. */
    public static final String DATA_REGION = "ConductorDataRegion";
    /** Classification of the data (public, internal, confidential, restricted). Goes to the governance gate. */
    public static final String DATA_CLASSIFICATION = "ConductorDataClassification";
    /** Set by an adapter consumer: the name of the instance the message came from. */
    public static final String INSTANCE = "ConductorInstance";
    /** Set by the adapter after the gate allowed the call: the decision id, for logs and receipts. */
    public static final String DECISION_ID = "ConductorDecisionId";

    private AdapterHeaders() {}
}
