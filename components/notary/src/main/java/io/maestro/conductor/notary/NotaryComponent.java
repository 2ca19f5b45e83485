package io.maestro.conductor.notary;

import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code notary:} component: signatures with each tenant's own key (derived from a secret in its vault) and
 * RFC 3161 timestamps from the TSA its instance names. Only a digest leaves the hub; the content never does.
 */
@Component("notary")
public class NotaryComponent extends AdapterComponent<NotaryBackend> {

    public static final String CATEGORY = "notary";

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    protected AdapterEndpoint<NotaryBackend> newEndpoint(String uri) {
        return new NotaryEndpoint(uri, this);
    }

    @Override
    protected NotaryBackend createDelegate(ResolvedInstance instance, InstanceSecrets secrets) {
        String id = instance.ref().id();
        NotarySettings settings = NotaryDefinitions.settings(instance);
        TenantSigningKey key =
                TenantSigningKey.derive(secrets.require(NotaryDefinitions.SIGNING_KEY, "notary.sign"), id);
        TsaClient tsa = new TsaClient(
                settings,
                secrets.optional(NotaryDefinitions.TSA_PASSWORD, "notary.tsa").orElse(null),
                id);
        return new NotaryBackend(key, tsa, id);
    }

    @Override
    protected void probe(NotaryBackend backend, ResolvedInstance instance) {
        backend.probe();
    }
}
