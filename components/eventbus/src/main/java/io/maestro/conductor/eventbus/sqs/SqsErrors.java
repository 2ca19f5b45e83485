package io.maestro.conductor.eventbus.sqs;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.camel.HttpStatusCodes;
import io.maestro.conductor.eventbus.BrokerErrors;
import io.maestro.conductor.eventbus.EventbusErrorCode;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** SQS client failures as event-bus codes; the text names the service's error, masked, never a credential. */
final class SqsErrors {

    private static final Map<io.maestro.conductor.adapter.AdapterErrorCode.Kind, EventbusErrorCode> BY_KIND = Map.of(
            io.maestro.conductor.adapter.AdapterErrorCode.Kind.REFUSED, EventbusErrorCode.EVENTBUS_REFUSED,
            io.maestro.conductor.adapter.AdapterErrorCode.Kind.UNREACHABLE, EventbusErrorCode.EVENTBUS_UNREACHABLE);

    private SqsErrors() {}

    static AdapterException map(Throwable failure, String instanceId) {
        if (failure instanceof AdapterException adapter) {
            return adapter;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SdkServiceException service) {
                return new AdapterException(
                        HttpStatusCodes.codeFor(service.statusCode(), BY_KIND, EventbusErrorCode.EVENTBUS_FAILED),
                        instanceId,
                        BrokerErrors.describe("SQS", cause),
                        failure);
            }
            if (cause instanceof SdkClientException) {
                return new AdapterException(
                        EventbusErrorCode.EVENTBUS_UNREACHABLE,
                        instanceId,
                        BrokerErrors.describe("SQS", cause),
                        failure);
            }
        }
        return new AdapterException(
                EventbusErrorCode.EVENTBUS_FAILED, instanceId, BrokerErrors.describe("SQS", failure), failure);
    }
}
