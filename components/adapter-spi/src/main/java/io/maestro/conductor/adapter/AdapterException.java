package io.maestro.conductor.adapter;

import java.time.Duration;
import java.util.Objects;

/**
 * An adapter call failed with a stable {@link AdapterErrorCode}. Carries the instance id
 * ({@code tenant/environment/instance}) when known. Its message is built by the adapter from safe parts only:
 * never a credential, a signed URL or a payload.
 */
public class AdapterException extends RuntimeException {

    private final AdapterErrorCode code;
    private final String instanceId;
    private volatile Duration retryAfter;

    public AdapterException(AdapterErrorCode code, String instanceId, String detail) {
        this(code, instanceId, detail, null);
    }

    /**
     * @param cause kept for the stack trace; adapters pass only causes whose messages hold no secrets
     */
    public AdapterException(AdapterErrorCode code, String instanceId, String detail, Throwable cause) {
        super(format(code, instanceId, detail), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.instanceId = instanceId;
    }

    public AdapterErrorCode code() {
        return code;
    }

    /** {@code tenant/environment/instance}, or null when the failure came before an instance was known. */
    public String instanceId() {
        return instanceId;
    }

    public boolean isTransient() {
        return code.isTransient();
    }

    /** How long the backend asked to be left alone before a retry (HTTP {@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Records the backend's {@code Retry-After} (null for none); returns this exception, to be thrown. */
    public AdapterException retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    private static String format(AdapterErrorCode code, String instanceId, String detail) {
        StringBuilder text = new StringBuilder(code.name());
        if (instanceId != null) {
            text.append(" [").append(instanceId).append(']');
        }
        return text.append(": ").append(detail).toString();
    }
}
