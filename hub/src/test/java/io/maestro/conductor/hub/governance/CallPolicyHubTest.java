package io.maestro.conductor.hub.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.hub.support.LoopbackTrap;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Calls of a notary instance on the hub are decided by the real call policy ({@code governance-policies/calls.rego},
 * {@code governance/calls/decision}): a denied call is a {@code POLICY_DENIED} with the policy's reason and never
 * reaches the TSA (a {@link LoopbackTrap} counts connections); the same call with data the policy allows does reach
 * it, so the trap would see a leak. (Notify is covered by {@code evidence.NotifyGovernanceTest}: the shared test hub
 * maps notifications to the residency policy for the hello example, and a subclass's property source does not
 * override that mapping.)
 */
@Tag("slow")
class CallPolicyHubTest extends HubIntegrationTest {

    private static final String ADAPTERS = "/api/tenants/atlas/environments/dev/adapters/";

    @Autowired
    ProducerTemplate template;

    @Test
    void aNotaryCallWithAnUnknownClassificationIsDeniedBeforeTheTsaAndARestrictedOneIsNot() throws Exception {
        String signingKey = secret("notary-key");
        try (LoopbackTrap tsa = LoopbackTrap.start()) {
            String instance = install(
                    "seal-" + shortId(),
                    "rfc3161-notary",
                    Map.of("endpoint", tsa.url(), "signingKey", "secret:" + signingKey, "timeoutSeconds", 1));

            Exchange denied = call("notary:timestamp?instance=" + instance, "top-secret");
            assertThat(denied.getException()).isInstanceOf(PolicyDeniedException.class);
            PolicyDeniedException policy = (PolicyDeniedException) denied.getException();
            assertThat(policy.code().name()).isEqualTo("POLICY_DENIED");
            assertThat(policy.reasons()).contains("unknown data classification top-secret");
            assertThat(tsa.connections()).as("connections of a denied call").isZero();

            Exchange restricted = call("notary:timestamp?instance=" + instance, "restricted");
            assertThat(restricted.getException()).isNotInstanceOf(PolicyDeniedException.class);
            assertThat(tsa.connections())
                    .as("the notary may seal restricted data")
                    .isPositive();
            uninstall(instance);
        }
    }

    private Exchange call(String uri, String classification) {
        byte[] body = "{\"event\":\"test\"}".getBytes(StandardCharsets.UTF_8);
        return template.request(uri, exchange -> {
            exchange.getMessage().setHeader(AdapterHeaders.TENANT, "atlas");
            exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, "dev");
            exchange.getMessage().setHeader(AdapterHeaders.DATA_CLASSIFICATION, classification);
            exchange.getMessage().setBody(body);
        });
    }

    private String install(String instance, String definition, Map<String, Object> config) {
        Answer installed = api.postJson(
                ADAPTERS + instance,
                OPERATOR,
                operatorPassword(),
                Map.of("definition", definition, "region", "eu-west-1", "config", config));
        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        return instance;
    }

    private void uninstall(String instance) {
        assertThat(api.delete(ADAPTERS + instance, OPERATOR, operatorPassword()).status())
                .isEqualTo(204);
    }

    private String secret(String prefix) {
        String name = prefix + "-" + shortId();
        Answer written = api.putJson(
                "/api/tenants/atlas/environments/dev/secrets/" + name,
                OPERATOR,
                operatorPassword(),
                Map.of("value", "v-" + UUID.randomUUID() + UUID.randomUUID()));
        assertThat(written.status()).as(written.body()).isEqualTo(204);
        return name;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
