package io.maestro.conductor.ticketing;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.Masking;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code ticketing:} component: tickets in the tracker of the exchange's tenant ({@value TicketingDefinitions#REDMINE},
 * Redmine's REST API), addressed by the tracker's id or the caller's external key.
 */
@Component("ticketing")
public class TicketingComponent extends AdapterComponent<TicketingBackend> {

    /** The registry's category id and scheme: instances, policies and metrics are keyed by it. */
    public static final String CATEGORY = "ticketing";

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    protected AdapterEndpoint<TicketingBackend> newEndpoint(String uri) {
        return new TicketingEndpoint(uri, this);
    }

    @Override
    protected TicketingBackend createDelegate(ResolvedInstance instance, InstanceSecrets secrets) {
        String id = instance.ref().id();
        if (!TicketingDefinitions.REDMINE.equals(instance.backend())) {
            throw new AdapterException(
                    SpiErrorCode.CONFIG_INVALID, id, "ticketing has no backend '" + instance.backend() + "'");
        }
        return new RedmineBackend(
                TicketingDefinitions.redmine(instance),
                secrets.require(TicketingDefinitions.API_KEY, "ticketing.redmine.api"),
                id);
    }

    @Override
    protected void probe(TicketingBackend backend, ResolvedInstance instance) {
        backend.probe();
    }

    /**
     * A ticket's text is whatever the caller wrote (names, addresses, customer data): a call's log line shows which
     * fields it set, never their content. Every body is a map (see {@code TicketingOperations}); anything else here is
     * an error message, which holds no ticket text and is masked by the SPI already.
     */
    @Override
    public String maskPayload(Object payload) {
        return Masking.fieldNames(payload);
    }
}
