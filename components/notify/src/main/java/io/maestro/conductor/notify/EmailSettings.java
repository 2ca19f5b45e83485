package io.maestro.conductor.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One e-mail instance's non-secret settings.
 *
 * @param server    {@code smtp://host:port} (STARTTLS required off loopback) or {@code smtps://host:port}
 * @param defaultTo recipients when a call names none
 */
record EmailSettings(
        URI server, String username, String from, List<String> defaultTo, Templates templates, Duration timeout) {

    EmailSettings {
        defaultTo = List.copyOf(defaultTo);
        if (!"smtp".equals(server.getScheme()) && !"smtps".equals(server.getScheme())) {
            throw new IllegalArgumentException("the mail server must be smtp://host:port or smtps://host:port");
        }
        if (server.getHost() == null || server.getPort() <= 0 || server.getUserInfo() != null) {
            throw new IllegalArgumentException("the mail server needs a host and a port, and no credentials in it");
        }
    }

    boolean implicitTls() {
        return "smtps".equals(server.getScheme());
    }

    /** Plain SMTP is accepted only on this machine (the test and demo peer); elsewhere STARTTLS is required. */
    boolean requireStartTls() {
        return !implicitTls() && !Loopback.is(server.getHost());
    }
}
