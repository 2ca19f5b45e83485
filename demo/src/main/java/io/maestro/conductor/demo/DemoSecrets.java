package io.maestro.conductor.demo;

import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.secret.SecretVault;

/**
 * Writes a demo peer's credential into the secret an instance's config references ({@code secret:<name>}), unless the
 * secret holds it already: a write has its receipt, and a restart that finds the same value writes and receipts
 * nothing. A config value that is no secret reference is left alone.
 */
public final class DemoSecrets {

    private DemoSecrets() {}

    public static void put(Registry registry, Actor actor, AdapterInstance instance, String reference, String value) {
        put(registry, actor, instance.tenant(), instance.environment(), reference, value);
    }

    /** As {@link #put(Registry, Actor, AdapterInstance, String, String)}, before the instance exists. */
    public static void put(
            Registry registry, Actor actor, String tenant, String environment, String reference, String value) {
        if (!reference.startsWith(SecretVault.REFERENCE_PREFIX)) {
            return;
        }
        registry.secrets()
                .putIfChanged(
                        actor,
                        tenant,
                        environment,
                        reference.substring(SecretVault.REFERENCE_PREFIX.length()),
                        value,
                        "demo: compare with the " + actor.id() + " peer's credential");
    }
}
