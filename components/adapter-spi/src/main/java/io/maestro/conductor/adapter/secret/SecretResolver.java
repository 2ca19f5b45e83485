package io.maestro.conductor.adapter.secret;

import io.maestro.conductor.adapter.instance.InstanceRef;

/**
 * Reads a secret from the namespace of the instance's tenant and environment. The hub backs this with the
 * registry's secret vault, which audits every read with the purpose given here.
 */
@FunctionalInterface
public interface SecretResolver {

    /**
     * @param owner   the instance whose config referenced the secret (gives tenant and environment)
     * @param name    the secret's name, from a {@code secret:<name>} reference
     * @param purpose why it is read, e.g. {@code storage.s3.client}; recorded in the audit trail
     * @throws io.maestro.conductor.adapter.AdapterException {@code SECRET_NOT_FOUND} when there is none
     */
    Secret resolve(InstanceRef owner, String name, String purpose);
}
