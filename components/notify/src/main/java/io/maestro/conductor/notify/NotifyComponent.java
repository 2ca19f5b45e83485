package io.maestro.conductor.notify;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.Masking;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import java.time.Clock;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code notify:} component: e-mail ({@value NotifyDefinitions#EMAIL}, camel-mail over SMTP) and signed
 * webhooks ({@value NotifyDefinitions#WEBHOOK}) per tenant. Which server or receiver, which login or signing secret
 * and which templates a call uses comes from the adapter instance the exchange's tenant addresses.
 */
@Component("notify")
public class NotifyComponent extends AdapterComponent<NotifyBackend> {

    /** The registry's category id (scheme {@code notify}): instances, policies and metrics are keyed by it. */
    public static final String CATEGORY = "notifications";

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    protected AdapterEndpoint<NotifyBackend> newEndpoint(String uri) {
        return new NotifyEndpoint(uri, this);
    }

    @Override
    protected NotifyBackend createDelegate(ResolvedInstance instance, InstanceSecrets secrets) {
        String id = instance.ref().id();
        return switch (instance.backend()) {
            case NotifyDefinitions.EMAIL ->
                new EmailBackend(
                        getCamelContext(),
                        NotifyDefinitions.email(instance),
                        secrets.optional(NotifyDefinitions.PASSWORD, "notify.smtp.login")
                                .orElse(null),
                        id);
            case NotifyDefinitions.WEBHOOK ->
                new WebhookBackend(
                        NotifyDefinitions.webhook(instance),
                        secrets.require(NotifyDefinitions.SIGNING_SECRET, "notify.webhook.sign"),
                        id,
                        Clock.systemUTC());
            default ->
                throw new AdapterException(
                        SpiErrorCode.CONFIG_INVALID, id, "notify has no backend '" + instance.backend() + "'");
        };
    }

    /**
     * A notification's variables are personal data (names, codes, customer details): a call's log line shows which
     * variables it set, never their values.
     */
    @Override
    public String maskPayload(Object payload) {
        return Masking.fieldNames(payload);
    }

    @Override
    protected void probe(NotifyBackend backend, ResolvedInstance instance) {
        backend.probe();
    }
}
