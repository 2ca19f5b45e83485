package io.maestro.conductor.identity.provisioning;

import java.time.Duration;

/** A failure worth another attempt (429, 5xx, no answer), with the server's {@code Retry-After} when it sent one. */
public final class RetryableFailure extends Exception {

    private final String description;
    private final transient Duration retryAfter;

    /** @param description what failed, safe to log: never a credential or a body */
    public RetryableFailure(String description, Duration retryAfter) {
        super(description, null, false, false);
        this.description = description;
        this.retryAfter = retryAfter;
    }

    public String description() {
        return description;
    }

    /** The server's {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
