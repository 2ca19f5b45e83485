package io.maestro.conductor.notary;

import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.InMemorySecretResolver;
import io.maestro.conductor.sandbox.tsa.TimestampAuthority;
import java.util.HashMap;
import java.util.Map;

/** Notary instances on a sandbox TSA for the tests, their secrets put under the instance's own names. */
final class NotaryInstances {

    private NotaryInstances() {}

    /** An instance logging in to {@code tsa} with {@code tsaPassword} and pinning its root. */
    static ResolvedInstance put(
            InMemorySecretResolver secrets,
            String tenant,
            String environment,
            String name,
            TimestampAuthority tsa,
            String signingSecret,
            String tsaPassword,
            long version) {
        secrets.put(tenant, environment, name + "-signing", signingSecret);
        Map<String, String> config = new HashMap<>(Map.of(
                NotaryDefinitions.SIGNING_KEY, "secret:" + name + "-signing",
                NotaryDefinitions.TSA_URL, tsa.url().toString(),
                NotaryDefinitions.TSA_CERTIFICATE, tsa.caPem()));
        if (tsaPassword != null) {
            secrets.put(tenant, environment, name + "-tsa", tsaPassword);
            config.put(NotaryDefinitions.TSA_USER, "notary");
            config.put(NotaryDefinitions.TSA_PASSWORD, "secret:" + name + "-tsa");
        }
        return instance(tenant, environment, name, version, config);
    }

    static ResolvedInstance instance(
            String tenant, String environment, String name, long version, Map<String, String> config) {
        return new ResolvedInstance(
                new InstanceRef(tenant, environment, name),
                NotaryComponent.CATEGORY,
                NotaryDefinitions.BACKEND,
                version,
                "eu-west-1",
                "medium",
                "internal",
                config);
    }
}
