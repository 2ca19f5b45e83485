package io.maestro.conductor.notify;

import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import java.util.Map;

/** Notify instances for the tests. */
final class NotifyInstances {

    static final String TEMPLATES = "{\"user.invited\": {\"subject\": \"Welcome to {{product}}, {{name}}\", "
            + "\"text\": \"Hello {{name}}, your invitation code is {{code}}.\"}}";

    private NotifyInstances() {}

    static ResolvedInstance email(String tenant, String name, int smtpPort, Map<String, String> extra) {
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                NotifyDefinitions.ENDPOINT, "smtp://127.0.0.1:" + smtpPort,
                NotifyDefinitions.FROM, "noreply@" + tenant + ".example",
                NotifyDefinitions.TEMPLATES, TEMPLATES));
        config.putAll(extra);
        return instance(tenant, name, NotifyDefinitions.EMAIL, config);
    }

    static ResolvedInstance webhook(String tenant, String name, String url, Map<String, String> extra) {
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                NotifyDefinitions.ENDPOINT,
                url,
                NotifyDefinitions.SIGNING_SECRET,
                "secret:" + name + "-signing",
                NotifyDefinitions.INITIAL_BACKOFF_MILLIS,
                "10"));
        config.putAll(extra);
        return instance(tenant, name, NotifyDefinitions.WEBHOOK, config);
    }

    private static ResolvedInstance instance(String tenant, String name, String backend, Map<String, String> config) {
        return new ResolvedInstance(
                new InstanceRef(tenant, "prod", name),
                NotifyComponent.CATEGORY,
                backend,
                1,
                "eu-west-1",
                "medium",
                "confidential",
                config);
    }
}
