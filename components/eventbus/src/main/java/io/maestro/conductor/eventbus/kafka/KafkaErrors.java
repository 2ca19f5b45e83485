package io.maestro.conductor.eventbus.kafka;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.eventbus.BrokerErrors;
import io.maestro.conductor.eventbus.EventbusErrorCode;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;

/** Kafka client failures as event-bus codes; the text names the client's exception, masked, never a credential. */
final class KafkaErrors {

    private KafkaErrors() {}

    static AdapterException map(Throwable failure, String instanceId) {
        if (failure instanceof AdapterException adapter) {
            return adapter;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            EventbusErrorCode code = codeOf(cause);
            if (code != null) {
                return new AdapterException(code, instanceId, BrokerErrors.describe("Kafka", cause), failure);
            }
        }
        return new AdapterException(
                EventbusErrorCode.EVENTBUS_FAILED, instanceId, BrokerErrors.describe("Kafka", failure), failure);
    }

    private static EventbusErrorCode codeOf(Throwable cause) {
        if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
            return EventbusErrorCode.EVENTBUS_REFUSED;
        }
        if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
            return EventbusErrorCode.EVENTBUS_UNREACHABLE;
        }
        if (cause instanceof InvalidTopicException) {
            return EventbusErrorCode.EVENTBUS_TOPIC_INVALID;
        }
        if (cause instanceof RecordTooLargeException) {
            return EventbusErrorCode.EVENTBUS_MESSAGE_TOO_LARGE;
        }
        return null;
    }
}
