package io.maestro.conductor.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.ticketing.TicketingConstants;
import io.maestro.conductor.ticketing.TicketingDefinitions;
import io.maestro.conductor.ticketing.TicketingErrorCode;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ticketing: on the hub is governed by the real policy (governance-policies/calls.rego through
 * conductor.governance.policies.ticketing): restricted data never reaches the tracker, whose stand-in on 127.0.0.1
 * records every request.
 */
class TicketingGovernanceTest extends HubIntegrationTest {

    @Autowired
    Registry registry;

    @Autowired
    CamelContext camel;

    @Test
    void restrictedDataIsDeniedBeforeTheTrackerAndConfidentialDataGoesThrough() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer tracker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tracker.createContext("/", exchange -> {
            requests.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        tracker.start();
        Actor actor = new Actor("ticketing-governance-test");
        registry.secrets().put(actor, "orbit", "prod", "redmine-key", "governance-test-redmine-key-3Fh8");
        registry.install(
                actor,
                "orbit",
                "prod",
                "gov-tickets",
                new InstallRequest(
                        TicketingDefinitions.REDMINE,
                        null,
                        JsonNodeFactory.instance
                                .objectNode()
                                .put(
                                        TicketingDefinitions.ENDPOINT,
                                        "http://127.0.0.1:"
                                                + tracker.getAddress().getPort())
                                .put(TicketingDefinitions.API_KEY, "secret:redmine-key")
                                .put(TicketingDefinitions.PROJECT, "ops")
                                .put(TicketingDefinitions.MAX_RETRIES, 0),
                        "us-east-1"));
        try {
            Exchange denied = create("restricted");

            assertThat(denied.getException()).isInstanceOf(PolicyDeniedException.class);
            PolicyDeniedException deny = (PolicyDeniedException) denied.getException();
            assertThat(deny.code().name()).isEqualTo("POLICY_DENIED");
            assertThat(deny.reasons())
                    .containsExactly("data classified restricted may not go through ticketing (at most confidential)");
            assertThat(deny.getMessage()).doesNotContain("governance-test-redmine-key");
            assertThat(requests).as("the tracker never saw the denied call").isEmpty();

            Exchange allowed = create("confidential");

            assertThat(allowed.getException()).isInstanceOf(AdapterException.class);
            assertThat(((AdapterException) allowed.getException()).code())
                    .as("allowed: the call reached the tracker, which failed")
                    .isEqualTo(TicketingErrorCode.TICKETING_FAILED);
            assertThat(requests).isNotEmpty();
        } finally {
            registry.uninstall(actor, "orbit", "prod", "gov-tickets");
            tracker.stop(0);
        }
    }

    private Exchange create(String classification) {
        return camel.createProducerTemplate().request("ticketing:create?instance=gov-tickets", exchange -> {
            exchange.getMessage().setHeader(AdapterHeaders.TENANT, "orbit");
            exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, "prod");
            exchange.getMessage().setHeader(AdapterHeaders.ACTOR, "ops-bot");
            exchange.getMessage().setHeader(AdapterHeaders.DATA_CLASSIFICATION, classification);
            exchange.getMessage().setHeader(TicketingConstants.EXTERNAL_KEY, "gov-" + classification);
            exchange.getMessage().setBody(Map.of("subject", "customer record", "description", "details"));
        });
    }
}
