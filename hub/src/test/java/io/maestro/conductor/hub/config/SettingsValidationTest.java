package io.maestro.conductor.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.evidence.EvidenceProperties;
import io.maestro.conductor.hub.governance.GovernanceProperties;
import io.maestro.conductor.hub.opa.PolicyProperties;
import io.maestro.conductor.hub.security.OperatorProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A setting the hub does not know, or a value that does not fit, stops the start and names the setting. */
class SettingsValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({
        PolicyProperties.class,
        EvidenceProperties.class,
        GovernanceProperties.class,
        OperatorProperties.class
    })
    static class Settings {}

    private final ApplicationContextRunner hub = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDefaultsBind() {
        hub.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PolicyProperties.class).mode()).isEqualTo(PolicyProperties.Mode.EMBEDDED);
            assertThat(context.getBean(EvidenceProperties.class).redeliveries()).isEqualTo(4);
        });
    }

    @Test
    void aModeThatDoesNotExistNamesTheSetting() {
        failsNaming("conductor.policy.mode", "conductor.policy.mode=remote");
    }

    @Test
    void aMisspelledKeyNamesItself() {
        failsNaming("conductor.policy.bundle-dir", "conductor.policy.bundle-dir=/srv/bundles");
        failsNaming("conductor.evidence.max-file", "conductor.evidence.max-file=1GB");
        failsNaming("conductor.operator.pasword", "conductor.operator.pasword=x");
    }

    @Test
    void valuesThatDoNotFitNameTheirSetting() {
        failsNaming("opa.url", "conductor.policy.mode=opa");
        failsNaming("opa.url", "conductor.policy.mode=opa", "conductor.policy.opa.url=ftp://opa");
        failsNaming("conductor.policy.opa.timeout", "conductor.policy.opa.timeout=soon");
        failsNaming("decision-cache-size", "conductor.policy.decision-cache-size=-1");
        failsNaming("conductor.evidence.max-files", "conductor.evidence.max-files=0");
        failsNaming("conductor.governance.decision-ring-size", "conductor.governance.decision-ring-size=0");
    }

    @Test
    void theOperatorPasswordNeverShowsInItsSettings() {
        hub.withPropertyValues("conductor.operator.password=s3cret-operator-pw")
                .run(context -> assertThat(
                                context.getBean(OperatorProperties.class).toString())
                        .doesNotContain("s3cret-operator-pw"));
    }

    private void failsNaming(String named, String... properties) {
        hub.withPropertyValues(properties)
                .run(context -> assertThat(context)
                        .as("%s", String.join(", ", properties))
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining(named));
    }
}
