package io.maestro.conductor.demo.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.demo.DemoEventBus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The demo ElasticMQ stays off under the production profile and when {@code conductor.demo.sqs.enabled} is false. */
class DemoSqsSwitchTest {

    private final ApplicationContextRunner hub =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DemoSqsConfiguration.class));

    @Test
    void neitherTheProductionProfileNorTheSwitchStartsTheDemoQueues() {
        hub.withPropertyValues("spring.profiles.active=production")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(DemoSqsPeer.class)
                        .doesNotHaveBean(DemoEventBus.class));
        hub.withPropertyValues("conductor.demo.sqs.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(DemoSqsPeer.class)
                        .doesNotHaveBean(DemoEventBus.class));
    }
}
