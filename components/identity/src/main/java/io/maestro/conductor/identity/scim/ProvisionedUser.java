package io.maestro.conductor.identity.scim;

/** The outcome of an idempotent create: the user as stored, and whether this call created it. */
public record ProvisionedUser(ScimUser user, boolean created) {}
