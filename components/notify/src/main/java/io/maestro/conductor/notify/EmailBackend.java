package io.maestro.conductor.notify;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.camel.CamelDelegate;
import io.maestro.conductor.adapter.secret.Secret;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;
import org.apache.camel.component.mail.MailEndpoint;

/**
 * Sends a tenant's templated e-mail through camel-mail's SMTP producer, one started per instance config version.
 * Only the headers set here reach the mail (camel-mail turns exchange headers into mail headers), and each delivery
 * carries {@value #DELIVERY_HEADER} so a bounce or complaint can be traced back without logging the address.
 */
final class EmailBackend implements NotifyBackend {

    static final String DELIVERY_HEADER = "X-Conductor-Delivery-Id";

    private final EmailSettings settings;
    private final Secret password;
    private final String instanceId;
    private final MailConfiguration mail;
    private final CamelDelegate delegate;

    EmailBackend(CamelContext camel, EmailSettings settings, Secret password, String instanceId) {
        this.settings = settings;
        this.password = password;
        this.instanceId = instanceId;
        this.mail = new MailConfiguration();
        mail.configureProtocol(settings.implicitTls() ? "smtps" : "smtp");
        mail.setHost(settings.server().getHost());
        mail.setPort(settings.server().getPort());
        if (settings.username() != null) {
            mail.setUsername(settings.username());
        }
        if (password != null) {
            mail.setPassword(password.reveal());
        }
        mail.setFrom(settings.from());
        mail.setConnectionTimeout((int) settings.timeout().toMillis());
        mail.setAdditionalJavaMailProperties(sessionProperties());
        MailEndpoint endpoint = new MailEndpoint(
                mail.getProtocol() + "://" + settings.server().getHost() + ":"
                        + settings.server().getPort(),
                new MailComponent(camel),
                mail);
        this.delegate = CamelDelegate.start(endpoint, this::map, () -> {});
    }

    @Override
    public Delivery send(Notification notification) {
        InternetAddress[] to = Recipients.check(
                notification.recipients().isEmpty() ? settings.defaultTo() : notification.recipients(), instanceId);
        Templates.Template rendered =
                settings.templates().render(notification.template(), notification.variables(), instanceId);
        String id = UUID.randomUUID().toString();
        Exchange exchange = delegate.createExchange();
        exchange.getMessage()
                .setHeaders(Map.of(
                        "To",
                        Stream.of(to).map(InternetAddress::getAddress).collect(Collectors.joining(",")),
                        "Subject",
                        rendered.subject(),
                        DELIVERY_HEADER,
                        id));
        exchange.getMessage().setBody(rendered.text());
        delegate.process(exchange);
        return new Delivery(id, 1);
    }

    /** Connects and logs in (when the instance has a login), sends nothing. */
    @Override
    public void probe() {
        Session session = Session.getInstance(javaMailProperties());
        try (Transport transport = session.getTransport(mail.getProtocol())) {
            transport.connect(
                    settings.server().getHost(),
                    settings.server().getPort(),
                    settings.username(),
                    password == null ? null : password.reveal());
        } catch (MessagingException e) {
            throw map(e);
        }
    }

    private Properties sessionProperties() {
        Properties properties = new Properties();
        String prefix = "mail." + (settings.implicitTls() ? "smtps" : "smtp") + ".";
        properties.setProperty(
                prefix + "timeout", String.valueOf(settings.timeout().toMillis()));
        properties.setProperty(
                prefix + "writetimeout", String.valueOf(settings.timeout().toMillis()));
        if (settings.requireStartTls()) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        return properties;
    }

    private Properties javaMailProperties() {
        Properties properties = sessionProperties();
        String prefix = "mail." + mail.getProtocol() + ".";
        properties.setProperty(
                prefix + "connectiontimeout", String.valueOf(settings.timeout().toMillis()));
        properties.setProperty(prefix + "auth", String.valueOf(settings.username() != null));
        return properties;
    }

    /** The cause's class decides; its message is never passed on (it can hold addresses or the server's reply). */
    private AdapterException map(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AdapterException adapter) {
                return adapter;
            }
            if (cause instanceof AuthenticationFailedException) {
                return new AdapterException(
                        NotifyErrorCode.NOTIFY_AUTH_FAILED, instanceId, "the mail server refused the login");
            }
            if (cause instanceof SendFailedException) {
                return new AdapterException(
                        NotifyErrorCode.NOTIFY_REQUEST_INVALID, instanceId, "the mail server refused a recipient");
            }
            if (cause instanceof IOException) {
                return new AdapterException(
                        NotifyErrorCode.NOTIFY_UNREACHABLE,
                        instanceId,
                        "the mail server did not answer: " + cause.getClass().getSimpleName());
            }
        }
        return new AdapterException(
                NotifyErrorCode.NOTIFY_FAILED,
                instanceId,
                "the mail server failed the delivery: " + failure.getClass().getSimpleName());
    }

    @Override
    public void close() {
        delegate.close();
    }
}
