package io.maestro.conductor.demo.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The demo broker stays off under the production profile and when {@code conductor.demo.events.enabled} is false. */
class DemoEventsSwitchTest {

    private final ApplicationContextRunner hub =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DemoEventsConfiguration.class));

    @Test
    void neitherTheProductionProfileNorTheSwitchStartsTheDemoBroker() {
        hub.withPropertyValues("spring.profiles.active=production")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoEventsPeer.class));
        hub.withPropertyValues("conductor.demo.events.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoEventsPeer.class));
    }
}
