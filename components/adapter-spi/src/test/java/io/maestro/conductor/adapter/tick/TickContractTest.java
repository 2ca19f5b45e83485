package io.maestro.conductor.adapter.tick;

import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.AdapterContractTest;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.seda.SedaEndpoint;

/** The tick adapter gets the contract checks by saying how to build it and how to see its queue. */
class TickContractTest extends AdapterContractTest {

    private static final String ACCEPTED = "tick-token-accepted-4711";
    private static final String REFUSED = "tick-token-refused-0815";

    @Override
    protected AdapterComponent<?> newComponent() {
        TickComponent tick = new TickComponent();
        tick.setAcceptedToken(ACCEPTED);
        return tick;
    }

    @Override
    protected ResolvedInstance workingInstance(String name) {
        secrets.put(TENANT, ENVIRONMENT, "token-" + name, ACCEPTED);
        return instance(name);
    }

    @Override
    protected ResolvedInstance refusingInstance(String name) {
        secrets.put(TENANT, ENVIRONMENT, "token-" + name, REFUSED);
        return instance(name);
    }

    private static ResolvedInstance instance(String name) {
        return new ResolvedInstance(
                new InstanceRef(TENANT, ENVIRONMENT, name),
                "tick",
                "seda",
                1,
                "eu-west-1",
                "low",
                "internal",
                Map.of("queue", "q-" + name, "token", "secret:token-" + name));
    }

    @Override
    protected String writeOperation() {
        return "send";
    }

    @Override
    protected Map<String, Object> writeHeaders() {
        return Map.of();
    }

    @Override
    protected Object writeBody() {
        return "tick";
    }

    @Override
    protected boolean backendWritten(ResolvedInstance instance) {
        return camel.getEndpoint("seda:tick-q-" + instance.ref().instance(), SedaEndpoint.class)
                        .getCurrentQueueSize()
                > 0;
    }

    @Override
    protected List<String> secretValues() {
        return List.of(ACCEPTED, REFUSED);
    }
}
