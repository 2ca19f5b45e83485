package io.maestro.conductor.demo;

import io.maestro.conductor.demo.events.DemoEventsChecks;
import io.maestro.conductor.demo.identity.DemoOnboardingChecks;
import io.maestro.conductor.demo.identity.OperatorOidcLoginChecks;
import io.maestro.conductor.demo.payments.DemoPaymentsChecks;
import io.maestro.conductor.demo.sqs.DemoSqsChecks;
import io.maestro.conductor.demo.storage.DemoStorageChecks;
import io.maestro.conductor.hub.ConductorHubApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default's demo hub, started once ({@link DemoHub}) for the checks of every peer: each nested class
 * runs one peer's checks on it (they inherit this class's configuration, so Spring's context cache hands them all
 * the same running hub). A hub start costs 40-60 s on a quiet machine: a check that needs the running demo belongs
 * here, not in a class of its own. {@code DemoRestartTest} starts its own hubs: it is about the restart.
 */
@SpringBootTest(classes = ConductorHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoHubTest {

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry properties) {
        DemoHub.properties(properties);
    }

    @AfterAll
    static void stopOperatorProvider() {
        DemoHub.OPERATOR_OIDC.close();
    }

    @Nested
    class Storage extends DemoStorageChecks {}

    @Nested
    class Payments extends DemoPaymentsChecks {}

    @Nested
    class Onboarding extends DemoOnboardingChecks {}

    @Nested
    @Tag("slow")
    class Events extends DemoEventsChecks {}

    @Nested
    @Tag("slow")
    class Sqs extends DemoSqsChecks {}

    @Nested
    class OperatorOidcLogin extends OperatorOidcLoginChecks {}
}
