package io.maestro.conductor.demo.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The demo storage stays off under the production profile (it would re-point tenants' S3 instances at its own peer)
 * and when {@code conductor.demo.storage.enabled=false}; {@link DemoStorageChecks} show it on by default.
 */
class DemoStorageSwitchTest {

    private final ApplicationContextRunner hub =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DemoStorageConfiguration.class));

    @Test
    void theProductionProfileStartsNoDemoPeer() {
        hub.withPropertyValues("spring.profiles.active=production")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(DemoStoragePeers.class)
                        .doesNotHaveBean(DemoUploads.class));
    }

    @Test
    void theSwitchTurnsTheDemoStorageOff() {
        hub.withPropertyValues("conductor.demo.storage.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(DemoStoragePeers.class)
                        .doesNotHaveBean(DemoUploads.class));
    }
}
