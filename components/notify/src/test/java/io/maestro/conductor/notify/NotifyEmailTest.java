package io.maestro.conductor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.testing.AdapterHarness;
import io.maestro.conductor.adapter.testing.LogCapture;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code notify:send} e-mail through camel-mail to GreenMail over SMTP; mail asserted as GreenMail received it. */
class NotifyEmailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private AdapterHarness notify;

    @BeforeEach
    void start() {
        notify = new AdapterHarness(new NotifyComponent());
        notify.instances.put(NotifyInstances.email(
                "acme", "mail", SMTP.getSmtp().getPort(), Map.of(NotifyDefinitions.DEFAULT_TO, "oncall@acme.example")));
        notify.instances.put(NotifyInstances.email(
                "globex",
                "mail",
                SMTP.getSmtp().getPort(),
                Map.of(
                        NotifyDefinitions.TEMPLATES,
                        "{\"user.invited\": {\"subject\": \"Globex: {{name}} joined\", \"text\": \"-\"}}")));
    }

    @AfterEach
    void stop() {
        notify.close();
    }

    @Test
    void aTemplatedMailReachesTheRecipientsWithADeliveryId() throws Exception {
        Exchange sent = send("acme", Map.of(NotifyConstants.TO, "ada@example.org, bob@example.org"));

        assertThat(sent.getException()).isNull();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Welcome to Conductor, Ada");
        assertThat(GreenMailUtil.getBody(mail)).contains("Hello Ada, your invitation code is X1.");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("noreply@acme.example");
        assertThat(mail.getRecipients(Message.RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly("ada@example.org", "bob@example.org");
        assertThat(mail.getHeader(EmailBackend.DELIVERY_HEADER)[0])
                .isEqualTo(sent.getMessage().getHeader(NotifyConstants.DELIVERY_ID));
        assertThat(mail.getHeader("ConductorTenant"))
                .as("no exchange header leaks into the mail")
                .isNull();
    }

    @Test
    void withoutRecipientsTheInstanceDefaultsGetIt() throws Exception {
        assertThat(send("acme", Map.of()).getException()).isNull();

        assertThat(SMTP.getReceivedMessages()[0].getRecipients(Message.RecipientType.TO)[0].toString())
                .isEqualTo("oncall@acme.example");
    }

    @Test
    void eachTenantHasItsOwnTemplates() throws Exception {
        assertThat(send("globex", Map.of(NotifyConstants.TO, "ops@globex.example"))
                        .getException())
                .isNull();

        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Globex: Ada joined");
    }

    @Test
    void aLineBreakInASubjectValueCannotAddHeaders() {
        Exchange refused = notify.call(
                "acme",
                "prod",
                "send",
                "mail",
                Map.of(NotifyConstants.EVENT, "user.invited", NotifyConstants.TO, "ada@example.org"),
                Map.of("name", "Ada\r\nBcc: victim@example.org", "product", "Conductor", "code", "X1"));

        assertThat(code(refused)).isEqualTo(NotifyErrorCode.NOTIFY_REQUEST_INVALID);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void hostileRecipientsAreRefusedWithoutEchoingThem() {
        for (String to : new String[] {
            "ada@example.org\r\nBcc: victim@example.org", "Ada <ada@example.org>", "not-an-address", "a@b.org,,"
        }) {
            Exchange refused = send("acme", Map.of(NotifyConstants.TO, to));
            assertThat(code(refused)).as(to).isEqualTo(NotifyErrorCode.NOTIFY_REQUEST_INVALID);
            assertThat(refused.getException().getMessage()).doesNotContain("example.org");
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnknownTemplateOrAMissingVariableIsTheCallersError() {
        Exchange unknown = send("acme", Map.of(NotifyConstants.TEMPLATE, "nope", NotifyConstants.TO, "a@example.org"));
        Exchange missing = notify.call(
                "acme",
                "prod",
                "send",
                "mail",
                Map.of(NotifyConstants.EVENT, "user.invited", NotifyConstants.TO, "a@example.org"),
                Map.of("name", "Ada"));
        Exchange noEvent = notify.call("acme", "prod", "send", "mail", Map.of(), Map.of());

        assertThat(code(unknown)).isEqualTo(NotifyErrorCode.NOTIFY_REQUEST_INVALID);
        assertThat(code(missing)).isEqualTo(NotifyErrorCode.NOTIFY_REQUEST_INVALID);
        assertThat(missing.getException().getMessage()).contains("'product'");
        assertThat(code(noEvent)).isEqualTo(NotifyErrorCode.NOTIFY_REQUEST_INVALID);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void plainSmtpOffLoopbackWouldNeedStartTlsAndTemplatesMustBeJson() {
        notify.instances.put(NotifyInstances.email(
                "acme", "broken", SMTP.getSmtp().getPort(), Map.of(NotifyDefinitions.TEMPLATES, "{not json")));

        assertThat(code(notify.call("acme", "prod", "send", "broken", Map.of(NotifyConstants.EVENT, "x"), null)))
                .isEqualTo(SpiErrorCode.CONFIG_INVALID);
        assertThat(new EmailSettings(
                                java.net.URI.create("smtp://mail.example.com:587"),
                                null,
                                "a@example.org",
                                java.util.List.of(),
                                Templates.parse("{}"),
                                java.time.Duration.ofSeconds(1))
                        .requireStartTls())
                .isTrue();
    }

    @Test
    void neitherAddressesNorVariablesReachTheLogs() {
        try (LogCapture logs = new LogCapture()) {
            assertThat(send("acme", Map.of(NotifyConstants.TO, "ada.lovelace@example.org"))
                            .getException())
                    .isNull();
            assertThat(logs.text())
                    .doesNotContain("ada.lovelace@example.org")
                    .doesNotContain("Ada")
                    .doesNotContain("X1")
                    .as("the log names the variables a call set")
                    .contains("fields [code, name, product]");
        }
    }

    private Exchange send(String tenant, Map<String, Object> headers) {
        Map<String, Object> all = new java.util.HashMap<>(headers);
        all.put(NotifyConstants.EVENT, "user.invited");
        return notify.call(
                tenant, "prod", "send", "mail", all, Map.of("name", "Ada", "product", "Conductor", "code", "X1"));
    }

    private static Object code(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(AdapterException.class);
        return ((AdapterException) exchange.getException()).code();
    }
}
