package io.maestro.conductor.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.notify.NotifyDefinitions;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.ticketing.RedminePeer;
import io.maestro.conductor.ticketing.TicketingDefinitions;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Alert transitions on {@code direct:conductor-alerts}, as route adapter-alerts hands them on, are delivered by route
 * alert-delivery: e-mail through the tenant's notify instance (GreenMail) and, for a critical (DOWN) alert, one
 * ticket in its Redmine (the real one, {@link RedminePeer}) that closes when the alert resolves.
 */
@Tag("slow")
class AlertDeliveryTest extends HubIntegrationTest {

    private static final String TEMPLATES = "{\"adapter.alert.fired\": {\"subject\": \"[{{severity}}] {{instanceId}} "
            + "is failing\", \"text\": \"Alert {{alertId}}: {{reason}} (last error {{lastErrorCode}})\"}, "
            + "\"adapter.alert.resolved\": {\"subject\": \"[resolved] {{instanceId}}\", \"text\": \"Alert {{alertId}} "
            + "resolved at {{resolvedAt}}\"}}";

    /** One server for the class: a reinstalled instance of the same config version keeps its delegate (its port). */
    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @Autowired
    Registry registry;

    @Autowired
    CamelContext camel;

    private final Actor actor = new Actor("alert-delivery-test");
    private RedminePeer redmine;

    @BeforeEach
    void installDeliveryInstances() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        redmine = RedminePeer.shared();
        registry.secrets().put(actor, "orbit", "prod", "redmine-key", redmine.apiKey());
        registry.install(
                actor,
                "orbit",
                "prod",
                "alerts",
                new InstallRequest(
                        NotifyDefinitions.EMAIL,
                        null,
                        JsonNodeFactory.instance
                                .objectNode()
                                .put(
                                        NotifyDefinitions.ENDPOINT,
                                        "smtp://127.0.0.1:" + SMTP.getSmtp().getPort())
                                .put(NotifyDefinitions.FROM, "conductor@orbit.example")
                                .put(NotifyDefinitions.DEFAULT_TO, "oncall@orbit.example")
                                .put(NotifyDefinitions.TEMPLATES, TEMPLATES),
                        "us-east-1"));
        registry.install(
                actor,
                "orbit",
                "prod",
                "tickets",
                new InstallRequest(
                        TicketingDefinitions.REDMINE,
                        null,
                        JsonNodeFactory.instance
                                .objectNode()
                                .put(TicketingDefinitions.ENDPOINT, redmine.baseUrl())
                                .put(TicketingDefinitions.API_KEY, "secret:redmine-key")
                                .put(TicketingDefinitions.PROJECT, RedminePeer.PROJECT),
                        "us-east-1"));
    }

    @AfterEach
    void uninstall() {
        registry.uninstall(actor, "orbit", "prod", "alerts");
        registry.uninstall(actor, "orbit", "prod", "tickets");
    }

    @Test
    void aDownAdapterOpensOneTicketAndMailsAndRecoveryClosesIt() throws Exception {
        AdapterAlert fired = alert("orbit", "critical");

        hand(fired);
        hand(fired); // a second hub, or a retry, hands the same transition on again

        List<JsonNode> issues = redmine.issues(RedminePeer.PROJECT, fired.id());
        assertThat(issues).as("one ticket per alert").hasSize(1);
        assertThat(issues.get(0).path("subject").asText())
                .isEqualTo("[conductor:" + fired.id() + "] Adapter orbit/prod/ledger (storage) is failing: critical");
        assertThat(issues.get(0).path("status").path("name").asText()).isEqualTo("New");
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(mails[0].getSubject()).isEqualTo("[critical] orbit/prod/ledger is failing");
        assertThat(GreenMailUtil.getBody(mails[0])).contains(fired.id()).contains("STORAGE_UNREACHABLE");

        hand(fired.resolved(Instant.now()));

        JsonNode issue = redmine.get("/issues/" + issues.get(0).path("id").asText() + ".json")
                .path("issue");
        assertThat(issue.path("status").path("name").asText()).isEqualTo("Closed");
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
        assertThat(SMTP.getReceivedMessages()[2].getSubject()).isEqualTo("[resolved] orbit/prod/ledger");
    }

    @Test
    void aWarningIsMailedWithoutATicketAndATenantWithoutInstancesGetsNothing() {
        AdapterAlert warning = alert("orbit", "warning");
        AdapterAlert elsewhere = alert("lumen", "critical");

        hand(warning);
        hand(elsewhere);
        hand(warning.resolved(Instant.now()));

        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        assertThat(redmine.issues(RedminePeer.PROJECT, warning.id())).isEmpty();
        assertThat(redmine.issues(RedminePeer.PROJECT, elsewhere.id())).isEmpty();
    }

    private void hand(AdapterAlert alert) {
        ProducerTemplate producer = camel.createProducerTemplate();
        try {
            producer.sendBodyAndHeader(
                    AdapterAlertRoute.ALERT_HOOK,
                    alert,
                    "ConductorAlertState",
                    alert.state().name());
        } finally {
            try {
                producer.stop();
            } catch (Exception ignored) {
                // stopping a template releases nothing the test needs
            }
        }
    }

    private static AdapterAlert alert(String tenant, String severity) {
        return new AdapterAlert(
                UUID.randomUUID().toString(),
                tenant,
                "prod",
                "ledger",
                "storage",
                severity,
                AdapterAlert.State.FIRING,
                "error rate 100% over 3 calls (threshold 50%)",
                "STORAGE_UNREACHABLE",
                Instant.now(),
                null,
                null,
                null);
    }
}
