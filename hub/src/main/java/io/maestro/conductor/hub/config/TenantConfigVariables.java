package io.maestro.conductor.hub.config;

/**
 * Variables the hub itself supplies to the demo tenant files, ahead of the process environment: a
 * {@code ${NAME:-default}} placeholder in an adapter config (and a secret's {@code fromEnv}) reads {@link #lookup}
 * first. The demo storage supplies its S3 endpoint this way, so the demo tenants' instances are installed pointing
 * at it instead of being re-pointed (and receipted) at every start.
 */
@FunctionalInterface
public interface TenantConfigVariables {

    /** @return the variable's value, or null when this source does not define it */
    String lookup(String name);
}
