package io.maestro.conductor.hub.governance;

/** Optional body of approve and reject: why (kept on the request and in its receipt; at most 500 characters). */
public record DecisionBody(String reason) {}
