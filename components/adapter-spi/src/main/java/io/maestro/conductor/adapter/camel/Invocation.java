package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.governance.GovernanceRequest;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.policy.pdp.RandomIds;
import org.apache.camel.Message;

/**
 * One adapter call as the producer sees it once the instance is resolved.
 *
 * @param operation     the operation name, e.g. {@code put_object}
 * @param actor         who asks, {@code anonymous} when the exchange did not say
 * @param correlationId from the exchange, or generated
 */
public record Invocation(
        ResolvedInstance instance,
        String operation,
        String actor,
        String correlationId,
        GovernanceRequest.DataAttributes data) {

    /**
     * The call a message makes on a resolved instance: actor, correlation id (generated and set on the message when
     * absent), data region and classification from the Conductor headers.
     */
    public static Invocation of(ResolvedInstance instance, String operation, Message message) {
        String correlationId = message.getHeader(AdapterHeaders.CORRELATION_ID, String.class);
        if (correlationId == null || correlationId.isBlank()) {
            correlationId = RandomIds.uuid();
            message.setHeader(AdapterHeaders.CORRELATION_ID, correlationId);
        }
        return new Invocation(
                instance,
                operation,
                message.getHeader(AdapterHeaders.ACTOR, AdapterHeaders.ANONYMOUS, String.class),
                correlationId,
                new GovernanceRequest.DataAttributes(
                        message.getHeader(AdapterHeaders.DATA_REGION, String.class),
                        message.getHeader(AdapterHeaders.DATA_CLASSIFICATION, String.class)));
    }

    public String instanceId() {
        return instance.ref().id();
    }

    /** What the governance gate is asked for this call. */
    public GovernanceRequest toGovernanceRequest() {
        return new GovernanceRequest(
                instance.ref().tenant(),
                instance.ref().environment(),
                actor,
                instance.category() + "." + operation,
                new GovernanceRequest.AdapterAttributes(
                        instance.ref().instance(),
                        instance.category(),
                        instance.backend(),
                        instance.riskLevel(),
                        instance.dataSensitivity(),
                        instance.region()),
                data);
    }
}
