package io.maestro.conductor.identity.provisioning;

import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a provisioning call again after a {@link RetryableFailure}, per {@link RetryPolicy}: the server's
 * {@code Retry-After} when it sent one (a longer wait than the policy allows fails at once), else backoff. Each
 * retry logs {@code event=<event>} with the operation, attempt and wait; the last failure is
 * {@code SCIM_UNAVAILABLE} (the provisioning backends share their codes, so routes match one set).
 */
public final class Retries {

    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

    /** One attempt: a result, a {@link RetryableFailure}, or an {@link IdentityException} that ends the call. */
    @FunctionalInterface
    public interface Attempt<T> {
        T call() throws RetryableFailure;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final String event;

    /** @param event the retry log line's event name, e.g. {@code scim_retry} */
    public Retries(RetryPolicy policy, Sleeper sleeper, String event) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.event = event;
    }

    public <T> T run(String operation, Attempt<T> attempt) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.call();
            } catch (RetryableFailure failure) {
                if (tried >= policy.maxAttempts()) {
                    throw new IdentityException(
                            IdentityErrorCode.SCIM_UNAVAILABLE,
                            operation + " failed after " + tried + " attempts: " + failure.description());
                }
                Duration wait = failure.retryAfter() != null ? failure.retryAfter() : policy.backoff(tried);
                if (wait.compareTo(policy.maxRetryAfter()) > 0) {
                    throw new IdentityException(
                            IdentityErrorCode.SCIM_UNAVAILABLE,
                            operation + ": " + failure.description() + "; the server asks to wait "
                                    + wait.toSeconds() + " s, more than "
                                    + policy.maxRetryAfter().toSeconds() + " s");
                }
                LOG.atWarn()
                        .addKeyValue("event", event)
                        .addKeyValue("operation", operation)
                        .addKeyValue("attempt", tried)
                        .addKeyValue("waitMs", wait.toMillis())
                        .log("provisioning call failed ({}), retrying", failure.description());
                pause(wait);
            }
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityException(IdentityErrorCode.SCIM_UNAVAILABLE, "interrupted while waiting to retry");
        }
    }
}
