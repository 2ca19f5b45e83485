package io.maestro.conductor.adapter.registry;

import io.maestro.conductor.adapter.AdapterErrorCode;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.secret.Secret;
import io.maestro.conductor.adapter.secret.SecretResolver;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.RegistryException;
import io.maestro.conductor.registry.secret.SecretVault;

/**
 * Reads secrets from the registry's vault, in the namespace of the instance's tenant and environment. Every read
 * is audited by the vault with the purpose the adapter gives and the actor {@code system:adapter/<instance id>}.
 */
public final class RegistrySecretResolver implements SecretResolver {

    private final SecretVault vault;

    public RegistrySecretResolver(SecretVault vault) {
        this.vault = vault;
    }

    @Override
    public Secret resolve(InstanceRef owner, String name, String purpose) {
        try {
            return new Secret(vault.read(
                            Actor.system("adapter/" + owner.id()), owner.tenant(), owner.environment(), name, purpose)
                    .reveal());
        } catch (RegistryException e) {
            AdapterErrorCode code = e.code() == ErrorCode.SECRET_NOT_FOUND
                    ? SpiErrorCode.SECRET_NOT_FOUND
                    : SpiErrorCode.CONFIG_INVALID;
            throw new AdapterException(code, owner.id(), "secret '" + name + "' could not be read (" + e.code() + ")");
        }
    }
}
