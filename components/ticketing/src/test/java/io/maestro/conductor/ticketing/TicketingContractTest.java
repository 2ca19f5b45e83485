package io.maestro.conductor.ticketing;

import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.AdapterContractTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;

/** The SPI's contract checks for {@code ticketing:} on the real Redmine ({@link RedminePeer}). */
@Tag("slow")
class TicketingContractTest extends AdapterContractTest {

    private static final String REFUSED = "1111111111111111111111111111111111111bad";

    private final RedminePeer redmine = RedminePeer.shared();
    private final String key = "contract-" + UUID.randomUUID();

    @Override
    protected AdapterComponent<?> newComponent() {
        return new TicketingComponent();
    }

    @Override
    protected ResolvedInstance workingInstance(String name) {
        return instance(name, redmine.apiKey());
    }

    @Override
    protected ResolvedInstance refusingInstance(String name) {
        return instance(name, REFUSED);
    }

    private ResolvedInstance instance(String name, String apiKey) {
        secrets.put(TENANT, ENVIRONMENT, name + "-redmine", apiKey);
        return TicketingInstances.redmine(TENANT, name, redmine.baseUrl(), Map.of());
    }

    @Override
    protected String writeOperation() {
        return "create";
    }

    @Override
    protected Map<String, Object> writeHeaders() {
        return Map.of(TicketingConstants.EXTERNAL_KEY, key);
    }

    @Override
    protected Object writeBody() {
        return Map.of("subject", "contract check", "description", "written by TicketingContractTest");
    }

    @Override
    protected boolean backendWritten(ResolvedInstance instance) {
        return !redmine.issues(RedminePeer.PROJECT, key).isEmpty();
    }

    @Override
    protected List<String> secretValues() {
        return List.of(redmine.apiKey(), REFUSED);
    }
}
