package io.maestro.conductor.demo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.hub.onboarding.OnboardingWorkflow;
import io.maestro.conductor.notify.NotifyDefinitions;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.ProducerTemplate;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * routes/onboarding.yaml on the embedded default's identity peers: atlas's dev {@code directory} instance, installed
 * from tenant-config pointing at the demo's SCIMple with its token, through the identity policy of
 * governance-policies.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class DemoOnboardingChecks {

    @Autowired
    DemoIdentityPeers peers;

    @Autowired
    ProducerTemplate template;

    @Autowired
    Registry registry;

    @Autowired
    MeterRegistry meters;

    private Map<?, ?> onboard(Object request) {
        return template.requestBodyAndHeaders(
                "direct:onboarding",
                request,
                Map.of(AdapterHeaders.TENANT, "atlas", AdapterHeaders.ENVIRONMENT, "dev"),
                Map.class);
    }

    private static Map<String, Object> employee(String externalId, String userName) {
        return Map.of(
                "kind",
                "employee",
                "externalId",
                externalId,
                "userName",
                userName,
                "email",
                userName + "@atlas.example",
                "groups",
                List.of("finance", "eu-staff"),
                "roles",
                List.of("approver"));
    }

    @Test
    void onboardingTwiceCreatesOneUserOneReceiptAndOneWelcome(CapturedOutput output) {
        Map<?, ?> first = onboard(employee("hr-7001", "grace"));
        Map<?, ?> again = onboard(employee("hr-7001", "grace"));

        assertThat(first.get("status")).isEqualTo("provisioned");
        assertThat(first.get("changes"))
                .isEqualTo(List.of("created", "group:finance", "group:eu-staff", "role:approver"));
        assertThat(first.get("receiptId")).isNotNull();
        assertThat(again.get("status")).isEqualTo("unchanged");
        assertThat(again.get("changes")).isEqualTo(List.of());
        assertThat(again.get("receiptId")).isNull();
        assertThat(again.get("userId")).isEqualTo(first.get("userId"));

        List<ScimUser> users = peers.scim().users().stream()
                .filter(user -> "hr-7001".equals(user.getExternalId()))
                .toList();
        assertThat(users).hasSize(1);
        assertThat(users.get(0).getRoles()).extracting(role -> role.getValue()).containsExactly("approver");
        for (String name : List.of("finance", "eu-staff")) {
            ScimGroup group = peers.scim().groups().stream()
                    .filter(candidate -> name.equals(candidate.getDisplayName()))
                    .findFirst()
                    .orElseThrow();
            assertThat(group.getMembers())
                    .extracting(member -> member.getValue())
                    .contains(users.get(0).getId());
        }
        List<Receipt> provisioned = registry.receipts().list("atlas").stream()
                .filter(receipt -> receipt.action() == ReceiptAction.USER_PROVISIONED)
                .filter(receipt -> receipt.id().equals(first.get("receiptId")))
                .toList();
        assertThat(provisioned).hasSize(1);
        assertThat(provisioned.get(0).actor()).isEqualTo("workflow:onboarding");
        assertThat(provisioned.get(0).changeSet().path("externalId").asText()).isEqualTo("hr-7001");
        assertThat(output.getAll().split("event=onboarding_welcome", -1)).hasSize(2);
    }

    /**
     * With a {@code notify:} instance named {@code welcome} (a signed webhook to a receiver on 127.0.0.1), the
     * welcome of a new user goes through it, once: the re-run sends nothing.
     */
    @Test
    void theWelcomeGoesThroughTheTenantsNotifyInstanceOnce() throws Exception {
        Actor actor = new Actor("demo-onboarding-test");
        List<JsonNode> deliveries = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/welcome", exchange -> {
            deliveries.add(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        registry.secrets().put(actor, "atlas", "dev", "welcome-signing", "welcome-signing-secret-0123456789abcdef");
        registry.install(
                actor,
                "atlas",
                "dev",
                "welcome",
                new InstallRequest(
                        NotifyDefinitions.WEBHOOK,
                        null,
                        JsonNodeFactory.instance
                                .objectNode()
                                .put(
                                        NotifyDefinitions.ENDPOINT,
                                        "http://127.0.0.1:"
                                                + receiver.getAddress().getPort() + "/welcome")
                                .put(NotifyDefinitions.SIGNING_SECRET, "secret:welcome-signing"),
                        "eu-west-1"));
        try {
            Map<?, ?> first = onboard(employee("hr-7004", "judy"));
            Map<?, ?> again = onboard(employee("hr-7004", "judy"));

            assertThat(first.get("status")).as(String.valueOf(first)).isEqualTo("provisioned");
            assertThat(again.get("status")).isEqualTo("unchanged");
            assertThat(deliveries).hasSize(1);
            assertThat(deliveries.get(0).path("type").asText()).isEqualTo(OnboardingWorkflow.WELCOME_EVENT);
            assertThat(deliveries.get(0).path("tenant").asText()).isEqualTo("atlas");
            assertThat(deliveries.get(0).path("data").path("userName").asText()).isEqualTo("judy");
            assertThat(deliveries.get(0).path("data").path("userId").asText()).isEqualTo(first.get("userId"));
        } finally {
            registry.uninstall(actor, "atlas", "dev", "welcome");
            receiver.stop(0);
        }
    }

    @Test
    void aStepThatKeepsFailingIsRetriedThenDeadLetteredVisibly(CapturedOutput output) {
        // 4 tries by the adapter (its own backoff) times 4 deliveries by the route: every one answered 503.
        peers.scim().failNext(16, 503, null);

        Map<?, ?> failed = onboard(employee("hr-7002", "heidi"));

        assertThat(failed.get("status")).isEqualTo("dead-lettered");
        assertThat(failed.get("step")).isEqualTo("create_user");
        assertThat(failed.get("code")).isEqualTo("SCIM_UNAVAILABLE");
        assertThat(meters.get(OnboardingWorkflow.DEAD_LETTERS)
                        .tags("tenant", "atlas", "code", "SCIM_UNAVAILABLE")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(output.getAll())
                .contains("event=onboarding_dead_letter tenant=atlas environment=dev step=create_user "
                        + "code=SCIM_UNAVAILABLE")
                .doesNotContain("heidi@atlas.example");
        assertThat(peers.scim().users()).noneMatch(user -> "hr-7002".equals(user.getExternalId()));

        Map<?, ?> retried = onboard(employee("hr-7002", "heidi"));
        assertThat(retried.get("status")).as("the peer answers again").isEqualTo("provisioned");
    }

    @Test
    void aRequestThatIsNotAnOnboardingIsDeadLetteredAtOnce() {
        Map<?, ?> refused = onboard(Map.of("externalId", "hr-7003", "userName", "ivan"));

        assertThat(refused.get("status")).isEqualTo("dead-lettered");
        assertThat(refused.get("step")).isEqualTo("begin");
        assertThat(peers.scim().users()).noneMatch(user -> "hr-7003".equals(user.getExternalId()));
    }
}
