package io.maestro.conductor.hub.payments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.exception.StripeException;
import io.maestro.conductor.hub.ConductorHubApplication;
import io.maestro.conductor.hub.support.HubProperties;
import io.maestro.conductor.payments.MeteredPrice;
import io.maestro.conductor.payments.billing.BillingPeriod;
import io.maestro.conductor.payments.billing.UsageStore;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A hub whose platform billing instance (atlas/dev/billing, {@code conductor.billing.instance}) is pointed at a
 * Stripe sandbox of this JVM, as an operator points it at Stripe once: its key, endpoint and metered price (2 cents a
 * unit). The timer route does not fire on its own (first delay 1 h); tests send to {@code direct:billing-run}. One
 * Spring context for every subclass.
 */
@SpringBootTest(classes = ConductorHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BillingHub {

    static final String KEY = "sk_test_51BillingRouteHubKey000042";
    private static final Path DATA_DIR = HubProperties.newDataDir("conductor-billing-test");
    static final BillingPeriod PERIOD =
            BillingPeriod.containing(Clock.systemUTC().instant());
    static StripeSandbox sandbox;

    @LocalServerPort
    int port;

    @Autowired
    Registry registry;

    @Autowired
    UsageStore usage;

    @Autowired
    AdapterUsageRecorder recorder;

    @Autowired
    CamelContext camel;

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry properties) {
        HubProperties.embeddedDefault(DATA_DIR).forEach((name, value) -> properties.add(name, () -> value));
        properties.add("conductor.billing.instance", () -> "atlas/dev/billing");
        properties.add("conductor.billing.first-delay", () -> "1h");
        properties.add("conductor.billing.redeliveries", () -> "1");
        properties.add("conductor.billing.redelivery-delay-ms", () -> "1");
    }

    @BeforeAll
    static void startStripe() {
        sandbox = StripeSandbox.start(KEY);
    }

    @AfterAll
    static void stopStripe() {
        sandbox.close();
    }

    /** What an operator does once: the billing instance on the Stripe account, with its key and metered price. */
    @BeforeEach
    void pointBillingAtTheSandbox() throws StripeException {
        AdapterInstance billing = registry.requireInstance("atlas", "dev", "billing");
        if (billing.config().path("endpoint").asText().equals(sandbox.apiBase().toString())) {
            return;
        }
        String price = MeteredPrice.create(sandbox, KEY, "conductor_calls", 2L);
        Actor operator = Actor.system("billing-test");
        registry.secrets().put(operator, "atlas", "dev", "billing-api-key", KEY);
        ObjectNode config = billing.config().deepCopy();
        config.put("endpoint", sandbox.apiBase().toString()).put("priceId", price);
        registry.update(
                operator, "atlas", "dev", "billing", new UpdateRequest(billing.configVersion(), config, null, null));
    }

    static String operatorPassword() {
        return HubProperties.operatorPassword(DATA_DIR);
    }
}
