package io.maestro.conductor.payments;

import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.AdapterContractTest;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The SPI's contract checks for {@code payments:}, each instance on its own Stripe sandbox. */
class PaymentsContractTest extends AdapterContractTest {

    private static final String ACCEPTED = "sk_test_51ContractAcceptedKey0001";
    private static final String REFUSED = "sk_test_51ContractRefusedKey00002";

    private StripeSandbox sandbox;

    @BeforeEach
    void startStripe() {
        sandbox = StripeSandbox.start(ACCEPTED);
    }

    @AfterEach
    void stopStripe() {
        sandbox.close();
    }

    @Override
    protected AdapterComponent<?> newComponent() {
        return new PaymentsComponent();
    }

    @Override
    protected ResolvedInstance workingInstance(String name) {
        secrets.put(TENANT, ENVIRONMENT, "stripe-" + name, ACCEPTED);
        return instance(name);
    }

    @Override
    protected ResolvedInstance refusingInstance(String name) {
        secrets.put(TENANT, ENVIRONMENT, "stripe-" + name, REFUSED);
        return instance(name);
    }

    private ResolvedInstance instance(String name) {
        return new ResolvedInstance(
                new InstanceRef(TENANT, ENVIRONMENT, name),
                PaymentsComponent.CATEGORY,
                PaymentsComponent.BACKEND_STRIPE,
                1,
                "eu-west-1",
                "high",
                "confidential",
                Map.of(
                        PaymentsDefinitions.API_KEY,
                        "secret:stripe-" + name,
                        PaymentsDefinitions.API_BASE,
                        sandbox.apiBase().toString(),
                        PaymentsDefinitions.MAX_RETRIES,
                        "0"));
    }

    @Override
    protected String writeOperation() {
        return "create_customer";
    }

    @Override
    protected Map<String, Object> writeHeaders() {
        return Map.of(PaymentsConstants.BUSINESS_KEY, "account-1");
    }

    @Override
    protected Object writeBody() {
        return Map.of("email", "billing@acme.example", "name", "Acme Ltd");
    }

    /** Customers carry the instance's tenant; each test's instances share one sandbox, so any customer counts. */
    @Override
    protected boolean backendWritten(ResolvedInstance instance) {
        return sandbox.customers().stream()
                .anyMatch(customer -> TENANT.equals(customer.path("metadata")
                        .path(StripeBackend.TENANT_METADATA)
                        .asText()));
    }

    @Override
    protected List<String> secretValues() {
        return List.of(ACCEPTED, REFUSED);
    }
}
