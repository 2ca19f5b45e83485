package io.maestro.conductor.registry.secret;

import java.time.Instant;

/** One audited secret read. Holds no value. */
public record SecretAccess(
        String tenant, String environment, String secret, String actor, String purpose, String outcome, Instant at) {}
