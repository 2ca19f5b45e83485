package io.maestro.conductor.adapter.tick;

import static io.maestro.conductor.adapter.config.ConfigType.STRING;
import static io.maestro.conductor.adapter.config.InstanceConfigDef.REQUIRED;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.camel.CamelDelegate;
import io.maestro.conductor.adapter.config.ConfigValidator;
import io.maestro.conductor.adapter.config.InstanceConfig;
import io.maestro.conductor.adapter.config.InstanceConfigDef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.spi.annotations.Component;

/**
 * A test adapter with both sides, written the way a new category is: {@code tick:send} puts the body on the
 * instance's queue, {@code from: tick:receive?...} receives from it. The backend is a Camel seda queue wrapped as
 * the delegate; a queue only accepts the component's {@code acceptedToken} (standing in for a broker's password).
 */
@Component("tick")
public class TickComponent extends AdapterComponent<TickQueue> {

    static final InstanceConfigDef CONFIG = new InstanceConfigDef()
            .define(
                    "queue",
                    STRING,
                    REQUIRED,
                    ConfigValidator.pattern("[a-z][a-z0-9-]{0,30}", "a queue name"),
                    "Queue the instance sends to and receives from")
            .defineSecret("token", true, "Token the queue accepts");

    private String acceptedToken = "";

    @Override
    public String category() {
        return "tick";
    }

    @Override
    protected AdapterEndpoint<TickQueue> newEndpoint(String uri) {
        return new TickEndpoint(uri, this);
    }

    @Override
    protected TickQueue createDelegate(ResolvedInstance instance, InstanceSecrets secrets) {
        InstanceConfig config = CONFIG.parse(instance);
        if (!secrets.require("token", "tick.queue").reveal().equals(acceptedToken)) {
            throw new AdapterException(
                    TickErrorCode.TICK_REFUSED, instance.ref().id(), "the queue refused the token");
        }
        SedaEndpoint queue =
                getCamelContext().getEndpoint("seda:tick-" + config.requireString("queue"), SedaEndpoint.class);
        return new TickQueue(
                queue,
                CamelDelegate.start(
                        queue,
                        e -> new AdapterException(
                                TickErrorCode.TICK_FAILED,
                                instance.ref().id(),
                                e.getClass().getSimpleName()),
                        () -> {}));
    }

    @Override
    protected void probe(TickQueue queue, ResolvedInstance instance) {
        queue.endpoint().getQueue();
    }

    public void setAcceptedToken(String acceptedToken) {
        this.acceptedToken = acceptedToken;
    }
}
