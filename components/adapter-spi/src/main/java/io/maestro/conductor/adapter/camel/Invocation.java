package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.governance.GovernanceRequest;
import io.maestro.conductor.adapter.instance.ResolvedInstance;

/**
 * One adapter call as the producer sees it once the instance is resolved.
 *
 * @param operation     the operation name, e.g. {@code put_object}
 * @param actor         who asks, {@code anonymous} when the exchange did not say
 * @param correlationId from the exchange, or generated
 */
public record Invocation(ResolvedInstance instance, String operation, String actor, String correlationId,
                         GovernanceRequest.DataAttributes data) {

    public String instanceId() {
        return instance.ref().id();
    }

    /** What the governance gate is asked for this call. */
    public GovernanceRequest toGovernanceRequest() {
        return new GovernanceRequest(instance.ref().tenant(), instance.ref().environment(), actor,
                instance.category() + "." + operation,
                new GovernanceRequest.AdapterAttributes(instance.ref().instance(), instance.category(),
                        instance.backend(), instance.riskLevel(), instance.dataSensitivity(), instance.region()),
                data);
    }
}
