package io.maestro.conductor.adapter.testing;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.secret.Secret;
import io.maestro.conductor.adapter.secret.SecretResolver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * FOR TESTS ONLY: secrets per tenant/environment namespace, standing in for the vault. Records each read's
 * purpose so tests can check that reads are purpose-tagged.
 */
public final class InMemorySecretResolver implements SecretResolver {

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<String> reads = new CopyOnWriteArrayList<>();

    public InMemorySecretResolver put(String tenant, String environment, String name, String value) {
        secrets.put(tenant + "/" + environment + "/" + name, value);
        return this;
    }

    @Override
    public Secret resolve(InstanceRef owner, String name, String purpose) {
        String value = secrets.get(owner.tenant() + "/" + owner.environment() + "/" + name);
        if (value == null) {
            throw new AdapterException(
                    SpiErrorCode.SECRET_NOT_FOUND,
                    owner.id(),
                    "secret '" + name + "' is not in the tenant's namespace");
        }
        reads.add(owner.id() + " " + name + " " + purpose);
        return new Secret(value);
    }

    /** One entry per read: {@code tenant/env/instance name purpose}. */
    public List<String> reads() {
        return reads;
    }
}
