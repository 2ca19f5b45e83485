package io.maestro.conductor.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.HubIntegrationTest;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * routes/adapter-review.yaml as the hub loads it, for an installed instance (what the conductor.adapter.installed
 * worker sends): nothing stored, its adapter's certification logged. Submissions and decisions: CertificationApiTest.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdapterReviewRouteTest extends HubIntegrationTest {

    @Autowired
    ProducerTemplate template;

    @Test
    void logsAnInstancesReviewWithTenantCertificationAndCorrelationId(CapturedOutput output) {
        Exchange done = template.request("direct:adapter-review", exchange -> {
            exchange.getMessage().setHeader("ConductorTenant", "orbit");
            exchange.getMessage().setHeader("ConductorEnvironment", "prod");
            exchange.getMessage().setHeader("ConductorInstance", "exports");
            exchange.getMessage().setHeader("ConductorCorrelationId", "review-42");
        });

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(String.class)).isEqualTo("reviewed orbit/prod/exports");
        assertThat(output.getAll())
                .contains("event=adapter_reviewed tenant=orbit environment=prod instance=exports "
                        + "certification=uncertified correlationId=review-42");
    }

    @Test
    void aReviewWithoutTenantIsRefusedIntoTheDeadLetterLog(CapturedOutput output) {
        Exchange done = template.request(
                "direct:adapter-review", exchange -> exchange.getMessage().setHeader("ConductorInstance", "exports"));

        Exception refused = done.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ConductorTenant");
        assertThat(output.getAll())
                .contains("conductor.adapter-review.dead")
                .doesNotContain("event=adapter_reviewed tenant=null");
    }
}
