package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.notify.NotifyConstants;
import io.maestro.conductor.notify.NotifyDefinitions;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * notify: on a hub with the production category-to-policy mapping ({@code notifications} →
 * {@code governance/calls/decision}, the real {@code governance-policies/calls.rego}; the shared
 * {@code HubIntegrationTest} hub maps notifications to the residency policy for the hello example, so the test lives
 * on this hub): a send carrying restricted data is a {@code POLICY_DENIED} with the policy's reason and neither the
 * SMTP server (GreenMail) nor the webhook receiver on 127.0.0.1 sees anything; the same send with confidential data
 * reaches both, so they would have seen a leak.
 */
class NotifyGovernanceTest extends StorageHub {

    private static final Actor ACTOR = new Actor("notify-governance-test");
    private static final String TEMPLATES =
            "{\"case.opened\": {\"subject\": \"Case {{caseId}}\", \"text\": \"Customer {{customer}}\"}}";
    private static final String SIGNING_SECRET = "notify-governance-webhook-secret-7Qd2";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    CamelContext camel;

    @Test
    void restrictedDataIsDeniedBeforeTheMailServerAndTheWebhookReceiverAndConfidentialDataGoesThrough()
            throws Exception {
        List<String> webhooks = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            webhooks.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        registry.secrets().put(ACTOR, TENANT, ENV, "webhook-signing", SIGNING_SECRET);
        install(
                "gov-mail",
                NotifyDefinitions.EMAIL,
                JSON.createObjectNode()
                        .put(
                                NotifyDefinitions.ENDPOINT,
                                "smtp://127.0.0.1:" + SMTP.getSmtp().getPort())
                        .put(NotifyDefinitions.FROM, "conductor@northwind.example")
                        .put(NotifyDefinitions.DEFAULT_TO, "cases@northwind.example")
                        .put(NotifyDefinitions.TEMPLATES, TEMPLATES));
        install(
                "gov-hook",
                NotifyDefinitions.WEBHOOK,
                JSON.createObjectNode()
                        .put(
                                NotifyDefinitions.ENDPOINT,
                                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks")
                        .put(NotifyDefinitions.SIGNING_SECRET, "secret:webhook-signing")
                        .put(NotifyDefinitions.MAX_RETRIES, 0));
        try {
            for (String instance : List.of("gov-mail", "gov-hook")) {
                Exchange denied = send(instance, "restricted");

                assertThat(denied.getException()).as(instance).isInstanceOf(PolicyDeniedException.class);
                PolicyDeniedException deny = (PolicyDeniedException) denied.getException();
                assertThat(deny.code().name()).isEqualTo("POLICY_DENIED");
                assertThat(deny.decisionId()).isNotBlank();
                assertThat(deny.reasons())
                        .containsExactly(
                                "data classified restricted may not go through notifications (at most confidential)");
                assertThat(deny.getMessage())
                        .doesNotContain(SIGNING_SECRET)
                        .doesNotContain("Jane Roe")
                        .doesNotContain("cases@northwind.example");
            }
            assertThat(SMTP.getReceivedMessages()).as("mails of denied sends").isEmpty();
            assertThat(webhooks).as("webhooks of denied sends").isEmpty();

            for (String instance : List.of("gov-mail", "gov-hook")) {
                Exchange allowed = send(instance, "confidential");
                assertThat(allowed.getException()).as(instance).isNull();
            }
            assertThat(SMTP.getReceivedMessages())
                    .as("the allowed mail arrived")
                    .hasSize(1);
            assertThat(webhooks).containsExactly("POST /hooks");
        } finally {
            registry.uninstall(ACTOR, TENANT, ENV, "gov-mail");
            registry.uninstall(ACTOR, TENANT, ENV, "gov-hook");
            receiver.stop(0);
        }
    }

    private void install(String instance, String definition, ObjectNode config) {
        registry.install(ACTOR, TENANT, ENV, instance, new InstallRequest(definition, null, config, "eu-west-1"));
    }

    private Exchange send(String instance, String classification) {
        return camel.createProducerTemplate().request("notify:send?instance=" + instance, exchange -> {
            exchange.getMessage().setHeader(AdapterHeaders.TENANT, TENANT);
            exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, ENV);
            exchange.getMessage().setHeader(AdapterHeaders.ACTOR, "case-bot");
            exchange.getMessage().setHeader(AdapterHeaders.DATA_CLASSIFICATION, classification);
            exchange.getMessage().setHeader(NotifyConstants.EVENT, "case.opened");
            exchange.getMessage().setBody(Map.of("caseId", "C-17", "customer", "Jane Roe"));
        });
    }
}
