package io.maestro.conductor.sandbox.stripe;

/** One request the sandbox answered: what was asked, under which idempotency key, and how it was answered. */
public record RecordedRequest(String method, String path, String idempotencyKey, int status, boolean replayed) {}
