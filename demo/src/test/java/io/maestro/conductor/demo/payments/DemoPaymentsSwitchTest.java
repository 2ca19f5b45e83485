package io.maestro.conductor.demo.payments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/**
 * The demo Stripe account stays off under the production profile and when {@code conductor.demo.payments.enabled}
 * is false, and only then does the demo leave {@code conductor.billing.instance} unnamed; {@link DemoPaymentsChecks}
 * shows it on by default.
 */
class DemoPaymentsSwitchTest {

    private final ApplicationContextRunner hub =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DemoPaymentsConfiguration.class));

    @Test
    void neitherTheProductionProfileNorTheSwitchStartsTheDemoAccount() {
        hub.withPropertyValues("spring.profiles.active=production")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoStripe.class));
        hub.withPropertyValues("conductor.demo.payments.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoStripe.class));
    }

    @Test
    void theBillingInstanceIsNamedOnlyForTheDemoAndNeverOverAConfiguredOne() {
        assertThat(billingInstance(new MockEnvironment())).isEqualTo("atlas/dev/billing");
        assertThat(billingInstance(new MockEnvironment().withProperty("conductor.billing.instance", "ops/prod/stripe")))
                .isEqualTo("ops/prod/stripe");
        assertThat(billingInstance(new MockEnvironment().withProperty("conductor.demo.payments.enabled", "false")))
                .isNull();
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        assertThat(billingInstance(production)).isNull();
    }

    private static String billingInstance(MockEnvironment environment) {
        new DemoPaymentsEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("conductor.billing.instance");
    }
}
