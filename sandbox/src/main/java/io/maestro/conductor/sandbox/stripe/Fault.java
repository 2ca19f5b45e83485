package io.maestro.conductor.sandbox.stripe;

/** A failure the sandbox answers one request with, queued by {@link StripeSandbox#injectFaults}. */
public enum Fault {
    /** 429 with Stripe's {@code rate_limit} error, before the request runs. */
    RATE_LIMITED,
    /** 500 {@code api_error}, before the request runs. */
    SERVER_ERROR,
    /**
     * The request runs and its result is kept (under its idempotency key, if any), but the connection breaks before
     * the answer is complete: the client cannot know whether it happened.
     */
    RESPONSE_LOST
}
